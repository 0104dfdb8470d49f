"""S3 for the tests: moto's server that `scripts/s3.sh` runs on loopback, or the reason there is none.

`make test` starts it and passes its endpoint in `FOOTPRINT_TEST_S3` (empty when it could not start); a bare
`pytest` starts it here, once per session, and stops it at the end. `s3_env(bucket)` makes a fresh bucket and
returns the environment a process needs to reach it (boto3 reads AWS_ENDPOINT_URL).
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "s3.sh"
ENV = "FOOTPRINT_TEST_S3"
_probed: tuple[str | None, str] | None = None


def _probe() -> tuple[str | None, str]:
    if ENV in os.environ:
        url = os.environ[ENV].strip()
        return (url, "") if url else (None, f"S3 unavailable ({ENV} is empty: scripts/s3.sh start could not start it)")
    env = {**os.environ, "FOOTPRINT_PYTHON": sys.executable}
    proc = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env=env)
    url = proc.stdout.strip()
    if proc.returncode == 0 and url:
        atexit.register(lambda: subprocess.run(["bash", str(SCRIPT), "stop"], cwd=ROOT, env=env, check=False))
        return url, ""
    return None, f"S3 unavailable: scripts/s3.sh start: {' '.join(proc.stderr.split()) or 'no URL printed'}"


def s3_endpoint() -> str | None:
    global _probed
    if _probed is None:
        _probed = _probe()
    return _probed[0]


def s3_env() -> tuple[dict[str, str], str]:
    """(environment for boto3 and the workers, a new empty bucket's name); skips the test when S3 cannot run."""
    import pytest

    endpoint = s3_endpoint()
    if endpoint is None:
        assert _probed is not None
        pytest.skip(_probed[1])
    env = {"AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
           "AWS_DEFAULT_REGION": "us-east-1"}
    bucket = f"evidence-{uuid.uuid4().hex[:12]}"
    import boto3

    boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="testing", aws_secret_access_key="testing",
                 region_name="us-east-1").create_bucket(Bucket=bucket)
    return env, bucket
