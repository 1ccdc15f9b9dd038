-- PostgreSQL tunes the run and allocation tables for large dispatch passes (see its V5_1); the embedded
-- H2 database keeps them as they are.
select 1;
