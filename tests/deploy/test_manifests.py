"""The Kubernetes manifests are valid against the Kubernetes JSON schemas (shipped by the
kubernetes-validate package: no network) and say what the platform needs: two or more replicas,
probes on the readiness endpoint, resource requests, cookie affinity, websocket timeouts, the
database URL from a Secret, and the proxy's security headers."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import kubernetes_validate
import pytest
import yaml

from tests.conftest import ROOT

KUBE = ROOT / "deploy" / "kubernetes"
K8S_VERSION = "1.31.0"


def documents() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(KUBE.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        found += [(path.name, doc) for doc in yaml.safe_load_all(path.read_text()) if doc]
    return found


def by_kind(kind: str) -> dict:
    return next(doc for _, doc in documents() if doc["kind"] == kind)


@pytest.mark.parametrize(("name", "doc"), documents(), ids=lambda v: v if isinstance(v, str) else v["kind"])
def test_manifest_is_valid_against_the_kubernetes_schema(name: str, doc: dict) -> None:
    kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def test_the_validator_rejects_a_broken_manifest() -> None:
    wrong_type = json.loads(json.dumps(by_kind("Deployment")))
    wrong_type["spec"]["replicas"] = "two"
    misspelt = json.loads(json.dumps(by_kind("Deployment")))
    misspelt["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["paht"] = "/x"
    for broken in (wrong_type, misspelt):
        with pytest.raises(kubernetes_validate.ValidationError):
            kubernetes_validate.validate(broken, K8S_VERSION, strict=True)


def test_kustomization_lists_the_manifests() -> None:
    listed = yaml.safe_load((KUBE / "kustomization.yaml").read_text())["resources"]
    assert all((KUBE / name).exists() for name in listed)
    assert {"deployment.yaml", "service.yaml", "ingress.yaml"} <= set(listed)
    assert "secret.example.yaml" not in listed  # the real Secret is made out of band


def test_deployment_has_replicas_probes_resources_and_a_secret() -> None:
    deployment = by_kind("Deployment")
    assert deployment["spec"]["replicas"] >= 2
    pod = deployment["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    container = pod["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["livenessProbe"]["httpGet"]["path"].endswith("/_stcore/health")
    assert {"cpu", "memory"} <= set(container["resources"]["requests"])
    env = {e["name"]: e for e in container["env"]}
    secret = by_kind("Secret")
    for name, key in (("LTV_DATABASE_URL", "database-url"), ("STREAMLIT_SERVER_COOKIE_SECRET", "cookie-secret")):
        ref = env[name]["valueFrom"]["secretKeyRef"]
        assert ref == {"name": secret["metadata"]["name"], "key": key}
        assert key in secret["stringData"]
    base = env["LTV_BASE_URL_PATH"]["value"]
    assert container["livenessProbe"]["httpGet"]["path"] == f"/{base}/_stcore/health"
    service = by_kind("Service")
    assert service["spec"]["selector"] == deployment["spec"]["selector"]["matchLabels"]


def test_ingress_has_cookie_affinity_websocket_timeouts_and_the_security_headers() -> None:
    ingress = by_kind("Ingress")
    notes = ingress["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert notes[prefix + "affinity"] == "cookie"
    assert int(notes[prefix + "proxy-read-timeout"]) >= 3600 and int(notes[prefix + "proxy-send-timeout"]) >= 3600
    assert ingress["spec"]["rules"][0]["http"]["paths"][0]["path"] == "/ltv"
    snippet = dict(re.findall(r'more_set_headers "([^:]+): (.*)";', notes[prefix + "configuration-snippet"]))
    proxy = json.loads(
        subprocess.run(
            [sys.executable, str(ROOT / "deploy/local/cluster.py"), "headers"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert snippet == proxy, "the Ingress's headers differ from the local proxy's (deploy/security-headers.json)"


def test_dockerfile_installs_what_make_run_installs() -> None:
    makefile = (ROOT / "Makefile").read_text()
    run_packages = re.search(r"^RUN_PACKAGES := (.*)$", makefile, flags=re.M).group(1).split()
    dockerfile = (ROOT / "Dockerfile").read_text()
    declared = re.search(r'^ARG RUN_PACKAGES="(.*)"$', dockerfile, flags=re.M).group(1).split()
    assert declared == run_packages
    runtime = dockerfile.split("AS runtime", 1)[1]
    installs = re.findall(r"apt-get install -y --no-install-recommends ([^\n&\\]+)", runtime)
    assert [line.split() for line in installs] == [["python3", "${RUN_PACKAGES}"]]


def test_dockerfile_is_multi_stage_debian_slim_non_root_with_a_healthcheck() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^ARG DEBIAN_IMAGE=debian:12-slim$", dockerfile, flags=re.M)
    stages = re.findall(r"^FROM (\S+) AS (\w+)$", dockerfile, flags=re.M)
    assert stages == [("${DEBIAN_IMAGE}", "build"), ("${DEBIAN_IMAGE}", "runtime")]
    assert "COPY --from=build /opt/venv /opt/venv" in dockerfile
    user = re.findall(r"^USER (\S+)$", dockerfile, flags=re.M)
    assert user and not user[-1].startswith(("0", "root"))
    assert re.search(r"^HEALTHCHECK .*\n\s+CMD .*/healthz", dockerfile, flags=re.M)
    assert "ENV PATH=/opt/venv/bin:$PATH" in dockerfile and "LTV_CONTENT=/app/processes" in dockerfile
    for path in re.findall(r"^COPY (?!--from)(.+) \S+$", dockerfile, flags=re.M):
        for part in path.split():
            assert (ROOT / part).exists(), f"the Dockerfile copies {part}, which is not in the repo"
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", ".cluster", "node_modules", ".git"} <= set(ignored)


def test_image_packages_exist_in_debian() -> None:
    """Debian 12 knows every package the image installs (apt-cache reads the local lists, no network)."""
    import shutil

    if shutil.which("apt-cache") is None:
        pytest.skip("not a Debian system")
    packages = [
        "python3",
        *re.search(r'^ARG RUN_PACKAGES="(.*)"$', (ROOT / "Dockerfile").read_text(), re.M).group(1).split(),
    ]
    for package in packages:
        out = subprocess.run(["apt-cache", "policy", package], capture_output=True, text=True)
        assert "Candidate:" in out.stdout and "Candidate: (none)" not in out.stdout, package
