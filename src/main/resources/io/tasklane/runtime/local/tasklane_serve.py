"""Runs one Ray Serve application for one Tasklane run, and reports on it.

Tasklane starts this with the Python of the user's Ray virtualenv. It starts a local Ray instance (the
run's head, with the run's GPUs), starts Serve on the run's port, deploys the Serve config Tasklane
wrote, and then, until it is sent SIGTERM or SIGINT:
- writes Serve's view of the application (its status and message, every replica with its state, pid,
  node and log file) to the status file every half second, atomically, with the hash of the config
  it applied;
- deploys the config again whenever Tasklane rewrites it (a resize), without restarting anything.
Why not Serve's CLI and REST API: `serve deploy` and `serve status` go through the Ray dashboard, which
needs packages (aiohttp_cors, opencensus) that a plain `ray[serve]` install may lack; this talks to
Serve's controller directly. On SIGTERM it shuts Serve and Ray down and exits 0.
"""
import argparse
import hashlib
import json
import os
import signal
import sys
import time
import traceback


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--status", required=True)
    parser.add_argument("--working-dir", required=True)
    parser.add_argument("--num-gpus", type=int, required=True)
    parser.add_argument("--dashboard-port", type=int, required=True)
    args = parser.parse_args()

    sys.path.insert(0, os.path.abspath(args.working_dir))
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

    import ray
    from ray.serve._private import api as serve_api
    from ray.serve.schema import ServeDeploySchema
    from ray import serve

    context = ray.init(
        num_gpus=args.num_gpus,
        namespace="serve",
        include_dashboard=None,  # started if this install has the dashboard's packages
        dashboard_host="127.0.0.1",
        dashboard_port=args.dashboard_port,
        runtime_env={"env_vars": {"PYTHONPATH": os.pathsep.join(
            p for p in [os.path.abspath(args.working_dir), os.environ.get("PYTHONPATH")] if p)}},
    )
    # After ray.init, which installs handlers of its own for a driver.
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    signal.signal(signal.SIGINT, lambda *_: stopping.append(True))
    logs_dir = ray._private.worker._global_node.get_logs_dir_path()
    dashboard = context.dashboard_url or None
    print(f"tasklane: Ray started, logs in {logs_dir}, dashboard {dashboard or 'not available'}", flush=True)

    config_text = read(args.config)
    config = ServeDeploySchema.model_validate(with_ingress_name(json.loads(config_text), None))
    ingress = ingress_name(json.loads(config_text))
    client = serve_api.serve_start(http_options=config.http_options.model_dump(),
                                   proxy_location=config.proxy_location)
    applied = deploy(client, config_text, ingress)
    try:
        while not stopping:
            text = read(args.config)
            if sha(text) != applied:
                applied = deploy(client, text, ingress)
            try:
                details = client.get_serve_details()
                write_status(args.status, {"pid": os.getpid(), "dashboard": dashboard, "logs_dir": logs_dir,
                                           "config_sha256": applied, "error": None,
                                           "applications": details.get("applications", {})})
            except Exception as e:  # the controller may be busy; report and look again
                print(f"tasklane: reading Serve's status failed: {e!r}", flush=True)
            time.sleep(0.5)
    finally:
        print("tasklane: shutting Serve and Ray down", flush=True)
        try:
            serve.shutdown()
        finally:
            ray.shutdown()


def ingress_name(config):
    """The name of the application's ingress deployment, from importing it in a Ray task as Serve does.

    None if the import fails: the config is then deployed without overrides, and Serve reports the
    application DEPLOY_FAILED with the Python error, which is what Tasklane shows.
    """
    import ray

    @ray.remote(num_cpus=0)
    def name_of(import_path):
        from ray._common.utils import import_attr
        from ray.serve._private.api import call_user_app_builder_with_args_if_necessary
        app = call_user_app_builder_with_args_if_necessary(import_attr(import_path), {})
        deployment = app._bound_deployment
        return deployment.name, dict(deployment.ray_actor_options or {})

    import_path = config["applications"][0]["import_path"]
    try:
        name, options = ray.get(name_of.remote(import_path))
        print(f"tasklane: {import_path} has the ingress deployment '{name}' with {options}", flush=True)
        return name, options
    except Exception as e:
        print(f"tasklane: importing {import_path} failed: {e}", flush=True)
        return None


def with_ingress_name(config, ingress):
    """The config with the ingress deployment's name in its override, or without overrides if it is unknown.

    A config's ray_actor_options replace the code's as a whole, so the code's are kept under Tasklane's
    (the GPUs). A replica asks for no CPU unless the code says so: Tasklane's SKUs already account for
    the host's CPUs, and Ray's own count (the host's cores) would leave replicas pending on a small host.
    """
    for app in config.get("applications", []):
        if ingress is None:
            app.pop("deployments", None)
        else:
            name, code_options = ingress
            for deployment in app.get("deployments", []):
                deployment.setdefault("name", name)
                options = dict(code_options)
                options.setdefault("num_cpus", 0)
                options.update(deployment.get("ray_actor_options", {}))
                deployment["ray_actor_options"] = options
    return config


def deploy(client, text, ingress):
    """Deploys the config; a config Serve refuses is logged, not fatal (the status still says what runs)."""
    from ray.serve.schema import ServeDeploySchema
    try:
        client.deploy_apps(ServeDeploySchema.model_validate(with_ingress_name(json.loads(text), ingress)))
        print(f"tasklane: deployed Serve config {sha(text)[:12]}", flush=True)
    except Exception:
        print("tasklane: Serve refused the config:\n" + traceback.format_exc(), flush=True)
    return sha(text)


def read(path):
    with open(path, "r", encoding="utf-8") as f:
        return f.read()


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_status(path, status):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(status, f, default=str)
    os.replace(tmp, path)


if __name__ == "__main__":
    main()
