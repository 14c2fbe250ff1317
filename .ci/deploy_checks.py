"""The settings that Docker/Dockerfile, Docker/compose.yaml and Docker/k8s must agree on.

hadolint and kubernetes-validate check each file against its own rules; `docker compose
config` cannot run without a Docker engine. This checks compose.yaml's shape, and what no
single-file linter sees: one numeric user everywhere, health checks that call `dossier
healthcheck` or probe /healthz and /readyz, grace periods longer than the drain, a
writer's data directory on a volume, read replicas that follow the writer's Service; and that the build
context .dockerignore leaves holds every COPY source and every target directory that
SwiftPM checks (`swift package describe` on a copy of it).

Run by .ci/deploy-lint.sh with its venv's Python (PyYAML comes with kubernetes-validate).
Prints one line per problem and exits 1 if there is any.
"""

import fnmatch
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKER = ROOT / "Docker"
HEALTHCHECK_COMMAND = ["/usr/local/bin/dossier", "healthcheck"]
DATA_DIR = "/var/lib/dossier"
COMPOSE_TOP_LEVEL = {"name", "services", "volumes", "networks", "configs", "secrets", "include", "version"}

problems: list[str] = []


def check(condition: bool, message: str) -> None:
    if not condition:
        problems.append(message)


def seconds(duration: object) -> float:
    """A Compose duration (`1m30s`, `15s`, `500ms`) or a number of seconds."""
    if isinstance(duration, (int, float)):
        return float(duration)
    units = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}
    parts = re.findall(r"(\d+(?:\.\d+)?)(us|ms|s|m|h)", str(duration))
    if not parts or "".join(number + unit for number, unit in parts) != str(duration):
        raise ValueError(f"not a duration: {duration!r}")
    return sum(float(number) * units[unit] for number, unit in parts)


def dockerfile_settings() -> dict:
    """The runtime stage's USER, ENV, VOLUME, EXPOSE, STOPSIGNAL and HEALTHCHECK."""
    text = (DOCKER / "Dockerfile").read_text().replace("\\\n", " ")
    runtime = text.split("\nFROM ")[-1]
    instructions = [line.strip() for line in runtime.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    settings: dict = {"env": {}}
    for line in instructions:
        keyword, _, rest = line.partition(" ")
        rest = rest.strip()
        if keyword == "ENV":
            settings["env"].update(dict(re.findall(r"(\w+)=(\S+)", rest)))
        elif keyword in ("USER", "VOLUME", "EXPOSE", "STOPSIGNAL", "HEALTHCHECK"):
            settings[keyword] = rest
    return settings


def check_dockerfile(settings: dict) -> None:
    check(re.fullmatch(r"\d+:\d+", settings.get("USER", "")) is not None, "Dockerfile: USER must be a numeric UID:GID")
    check(settings.get("STOPSIGNAL") == "SIGTERM", "Dockerfile: STOPSIGNAL must be SIGTERM (the server drains on it)")
    check(DATA_DIR in settings.get("VOLUME", ""), f"Dockerfile: VOLUME must hold {DATA_DIR}")
    check(settings.get("EXPOSE") == settings["env"].get("DOSSIER_PORT"), "Dockerfile: EXPOSE must be DOSSIER_PORT")
    check(settings["env"].get("DOSSIER_DATA_DIR") == DATA_DIR, f"Dockerfile: DOSSIER_DATA_DIR must be {DATA_DIR}")
    healthcheck = settings.get("HEALTHCHECK", "")
    check(healthcheck.endswith("CMD " + str(HEALTHCHECK_COMMAND).replace("'", '"')),
          f"Dockerfile: HEALTHCHECK must run CMD {HEALTHCHECK_COMMAND}")
    timeout = re.search(r"--timeout=(\S+)", healthcheck)
    check(timeout is not None and seconds(timeout.group(1)) > 2,
          "Dockerfile: HEALTHCHECK --timeout must exceed the healthcheck's own 2 s")


def check_compose(settings: dict) -> None:
    path = DOCKER / "compose.yaml"
    compose = yaml.safe_load(path.read_text())
    check(isinstance(compose, dict), "compose.yaml: not a mapping")
    if not isinstance(compose, dict):
        return
    unknown = {key for key in compose if key not in COMPOSE_TOP_LEVEL and not key.startswith("x-")}
    check(not unknown, f"compose.yaml: unknown top-level keys {sorted(unknown)}")
    service = (compose.get("services") or {}).get("dossier")
    check(isinstance(service, dict), "compose.yaml: no services.dossier")
    if not isinstance(service, dict):
        return
    build = service.get("build") or {}
    context = (path.parent / build.get("context", ".")).resolve()
    check((context / "Package.swift").is_file(), "compose.yaml: build.context must be the repository root")
    check((context / build.get("dockerfile", "Dockerfile")).resolve() == (DOCKER / "Dockerfile").resolve(),
          "compose.yaml: build.dockerfile must be Docker/Dockerfile")
    check(bool(service.get("image")), "compose.yaml: image must be set")
    check(service.get("user") == settings.get("USER"), "compose.yaml: user must be the Dockerfile's USER")
    port = settings["env"].get("DOSSIER_PORT")
    check(any(str(entry).split(":")[-1] == port for entry in service.get("ports", [])),
          f"compose.yaml: ports must publish container port {port}")
    volumes = compose.get("volumes") or {}
    check(any(isinstance(entry, str) and entry.split(":")[1:2] == [DATA_DIR] and entry.split(":")[0] in volumes
              for entry in service.get("volumes", [])),
          f"compose.yaml: a named volume declared under volumes: must be mounted at {DATA_DIR}")
    healthcheck = service.get("healthcheck") or {}
    check(healthcheck.get("test") == ["CMD"] + HEALTHCHECK_COMMAND, f"compose.yaml: healthcheck.test must be CMD {HEALTHCHECK_COMMAND}")
    check(seconds(healthcheck.get("timeout", "30s")) > 2, "compose.yaml: healthcheck.timeout must exceed the healthcheck's own 2 s")
    environment = {**settings["env"], **(service.get("environment") or {})}
    drain = float(environment.get("DOSSIER_DRAIN_TIMEOUT", 10))
    check(seconds(service.get("stop_grace_period", "10s")) > drain,
          f"compose.yaml: stop_grace_period must exceed DOSSIER_DRAIN_TIMEOUT ({drain:g} s)")
    check(service.get("read_only") is True, "compose.yaml: read_only must be true")
    keys_file = str(environment.get("DOSSIER_API_KEYS_FILE", ""))
    secrets = compose.get("secrets") or {}
    check(any(keys_file == f"/run/secrets/{name}" and name in secrets for name in service.get("secrets", [])),
          "compose.yaml: DOSSIER_API_KEYS_FILE must name a secret the service mounts and compose declares")
    check(service.get("restart") in ("always", "unless-stopped", "on-failure"), "compose.yaml: restart policy missing")


def ignored(path: str, patterns: list[str]) -> bool:
    """Whether .dockerignore leaves `path` out: a pattern matches it or one of its parent
    directories (`**/` at any depth). Docker's own matcher also has `!` exceptions, which
    this .dockerignore does not use."""
    parts = path.split("/")
    for pattern in patterns:
        for depth in range(1, len(parts) + 1):
            if fnmatch.fnmatchcase("/".join(parts[:depth]), pattern):
                return True
            if pattern.startswith("**/") and fnmatch.fnmatchcase(parts[depth - 1], pattern[3:]):
                return True
    return False


def check_build_context() -> None:
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    check(not any(pattern.startswith("!") for pattern in patterns), ".dockerignore: ! exceptions are not supported by this check")
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.splitlines()
    kept = [path for path in listed if not ignored(path, patterns) and (ROOT / path).is_file()]
    dockerfile = (DOCKER / "Dockerfile").read_text()
    for source in re.findall(r"^COPY (?!--from)(\S+)", dockerfile, flags=re.MULTILINE):
        check(any(path == source or path.startswith(source + "/") for path in kept), f".dockerignore: leaves out {source}, which the Dockerfile copies")
    with tempfile.TemporaryDirectory() as context:
        for path in kept:
            (Path(context) / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / path, Path(context) / path)
        described = subprocess.run(["swift", "package", "describe"], cwd=context, capture_output=True, text=True)
        check(described.returncode == 0, f".dockerignore: SwiftPM cannot load the package from the build context: {described.stderr.strip()}")


def check_pod_template(name: str, template: dict, settings: dict) -> None:
    spec = template["spec"]
    pod_security = spec.get("securityContext", {})
    uid, gid = (int(part) for part in settings["USER"].split(":"))
    check(pod_security.get("runAsNonRoot") is True, f"{name}: runAsNonRoot must be true")
    check(pod_security.get("runAsUser") == uid and pod_security.get("runAsGroup") == gid,
          f"{name}: runAsUser/runAsGroup must be the Dockerfile's {uid}:{gid}")
    check(pod_security.get("seccompProfile", {}).get("type") == "RuntimeDefault", f"{name}: seccompProfile must be RuntimeDefault")
    mounts_by_volume = {}
    for container in spec["containers"]:
        security = container.get("securityContext", {})
        check(security.get("readOnlyRootFilesystem") is True, f"{name}: readOnlyRootFilesystem must be true")
        check(security.get("allowPrivilegeEscalation") is False, f"{name}: allowPrivilegeEscalation must be false")
        check(security.get("capabilities", {}).get("drop") == ["ALL"], f"{name}: capabilities must drop ALL")
        check(container.get("readinessProbe", {}).get("httpGet", {}).get("path") == "/readyz", f"{name}: readinessProbe must GET /readyz")
        check(container.get("livenessProbe", {}).get("httpGet", {}).get("path") == "/healthz", f"{name}: livenessProbe must GET /healthz")
        environment = {**settings["env"], **{entry["name"]: entry.get("value") for entry in container.get("env", [])}}
        sleep = container.get("lifecycle", {}).get("preStop", {}).get("exec", {}).get("command", [])
        pause = float(sleep[1]) if len(sleep) == 2 and sleep[0].endswith("sleep") else 0.0
        drain = float(environment.get("DOSSIER_DRAIN_TIMEOUT", 10))
        check(spec.get("terminationGracePeriodSeconds", 30) > pause + drain,
              f"{name}: terminationGracePeriodSeconds must exceed the preStop sleep plus DOSSIER_DRAIN_TIMEOUT ({pause + drain:g} s)")
        for mount in container.get("volumeMounts", []):
            mounts_by_volume[mount["name"]] = mount["mountPath"]
        # A follower (DOSSIER_FOLLOW) opens no data directory; a writer's must be on a volume.
        # A writer takes its key file from a Secret; a follower its replicate key.
        if not environment.get("DOSSIER_FOLLOW"):
            check(environment.get("DOSSIER_DATA_DIR") in mounts_by_volume.values(), f"{name}: the data directory must be on a volume")
            secret_mounts = [mount["mountPath"] for mount in container.get("volumeMounts", [])
                             if any(volume["name"] == mount["name"] and "secret" in volume for volume in spec.get("volumes", []))]
            check(any(str(environment.get("DOSSIER_API_KEYS_FILE", "")).startswith(path + "/") for path in secret_mounts),
                  f"{name}: DOSSIER_API_KEYS_FILE must be on a Secret volume")
        else:
            follow_key = next((entry for entry in container.get("env", []) if entry["name"] == "DOSSIER_FOLLOW_KEY"), {})
            check("secretKeyRef" in follow_key.get("valueFrom", {}), f"{name}: DOSSIER_FOLLOW_KEY must come from a Secret")


def check_kubernetes(settings: dict) -> None:
    documents = []
    for path in sorted((DOCKER / "k8s").glob("*.yaml")):
        documents += [(path.name, document) for document in yaml.safe_load_all(path.read_text()) if document]
    by_kind: dict[str, list] = {}
    for file, document in documents:
        by_kind.setdefault(document["kind"], []).append((file, document))
    workloads = by_kind.get("Deployment", []) + by_kind.get("StatefulSet", [])
    for file, workload in workloads:
        name = f"{file}: {workload['kind']} {workload['metadata']['name']}"
        check(workload["spec"]["selector"]["matchLabels"].items() <= workload["spec"]["template"]["metadata"]["labels"].items(),
              f"{name}: selector must match the pod labels")
        check_pod_template(name, workload["spec"]["template"], settings)
    pod_labels = [workload["spec"]["template"]["metadata"]["labels"] for _, workload in workloads]
    services = {service["metadata"]["name"]: service for _, service in by_kind.get("Service", [])}
    for file, service in by_kind.get("Service", []):
        selector = service["spec"]["selector"]
        check(any(selector.items() <= labels.items() for labels in pod_labels),
              f"{file}: Service {service['metadata']['name']} selects no pod template")
    for file, budget in by_kind.get("PodDisruptionBudget", []):
        selector = budget["spec"]["selector"]["matchLabels"]
        check(any(selector.items() <= labels.items() for labels in pod_labels), f"{file}: the PodDisruptionBudget selects no pod template")
    deployments = {deployment["metadata"]["name"] for _, deployment in by_kind.get("Deployment", [])}
    for file, autoscaler in by_kind.get("HorizontalPodAutoscaler", []):
        target = autoscaler["spec"]["scaleTargetRef"]
        check(target["kind"] == "Deployment" and target["name"] in deployments, f"{file}: the autoscaler targets no Deployment here")
    for file, statefulset in by_kind.get("StatefulSet", []):
        check(statefulset["spec"]["serviceName"] in services, f"{file}: serviceName names no Service here")
        check(statefulset["spec"]["replicas"] == 1, f"{file}: the writer must have exactly one replica")
    for file, deployment in by_kind.get("Deployment", []):
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            environment = {entry["name"]: entry.get("value") for entry in container.get("env", [])}
            follow = re.fullmatch(r"http://([a-z0-9-]+):(\d+)", environment.get("DOSSIER_FOLLOW") or "")
            check(follow is not None and follow.group(1) in services
                  and any(port["port"] == int(follow.group(2)) for port in services[follow.group(1)]["spec"]["ports"]),
                  f"{file}: DOSSIER_FOLLOW must be http://SERVICE:PORT of a Service here")
            check(environment.get("DOSSIER_READ_ONLY") == "on", f"{file}: read replicas must set DOSSIER_READ_ONLY=on")


def main() -> int:
    settings = dockerfile_settings()
    check_dockerfile(settings)
    check_compose(settings)
    check_kubernetes(settings)
    check_build_context()
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
