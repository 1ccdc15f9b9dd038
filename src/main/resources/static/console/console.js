// The console's only script: glue between htmx and the page. Kept small on purpose; the pages work without it
// except for live refresh.
(function () {
  'use strict';

  // Spring Security wants the CSRF token on every state-changing request; htmx sends it from the page's meta tags.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A log reads from the bottom: keep each one at its newest line as lines arrive, unless the reader has scrolled
  // up in it to read (then it stays where they are until they scroll back down).
  document.addEventListener('scroll', function (event) {
    var pre = event.target;
    if (pre instanceof Element && pre.matches('.log pre')) {
      pre.dataset.reading = pre.scrollTop + pre.clientHeight < pre.scrollHeight - 4 ? 'true' : '';
    }
  }, true);
  document.addEventListener('htmx:afterSettle', function () {
    document.querySelectorAll('.log pre').forEach(function (pre) {
      if (!pre.dataset.reading) {
        pre.scrollTop = pre.scrollHeight;
      }
    });
  });

  // The Usage page reads days in the browser's zone unless another is chosen: tell the server which zone that is.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
      document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax';
    }
  } catch (ignored) {
    // No Intl: the Usage page reads days in UTC.
  }
  // A pin's preview or a force-start's plan appears above the table: take the keyboard there, to its heading (not to
  // "Pin it" or "Confirm", so a second Enter cannot act unread).
  document.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.target && event.detail.target.id === 'impact') {
      var heading = event.detail.target.querySelector('h2, h3');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    }
  });

  // A refresh (after a row action, or live) replaces the table, which would drop the keyboard focus to the page's body:
  // give it back to the same element (action buttons have stable ids, act-<task>-<action>) or, when the refresh
  // removed it (Start became Stop), to the task's actions as a whole, so the person stays in the row and a second
  // Enter does nothing they did not choose.
  var focusBeforeSwap = null;
  document.addEventListener('htmx:beforeSwap', function (event) {
    var active = document.activeElement;
    var target = event.detail.target;
    if (active && active !== document.body && target && target.contains(active)) {
      var actions = active.closest('[data-task-actions]');
      focusBeforeSwap = {id: active.id, task: actions ? actions.dataset.taskActions : null};
    }
  });
  document.addEventListener('htmx:afterSettle', function () {
    var wanted = focusBeforeSwap;
    focusBeforeSwap = null;
    if (!wanted || (document.activeElement && document.activeElement !== document.body)) {
      return;
    }
    var actions = wanted.task ? document.querySelector('[data-task-actions="' + CSS.escape(wanted.task) + '"]') : null;
    var again = (wanted.id && document.getElementById(wanted.id)) || actions;
    if (again === actions && actions) {
      actions.setAttribute('tabindex', '-1');
    }
    if (again) {
      again.focus();
    }
  });

  // Focus the refresh gives back as it was (a task's action or its actions): a live refresh may happen under it.
  function restorable(element) {
    return element.closest('[data-task-actions]') !== null && (element.id !== '' || element.matches('[data-task-actions]'));
  }

  window.tasklane = {
    // A refresh would take the keyboard focus away from a person working in the table (on a link, say): wait until
    // they leave it, unless the focus is on a task's actions, which get it back after the refresh (above).
    mayRefresh: function (id) {
      var region = document.getElementById(id);
      var active = document.activeElement;
      return !region || !active || !region.contains(active) || active === document.body || restorable(active);
    }
  };
})();
