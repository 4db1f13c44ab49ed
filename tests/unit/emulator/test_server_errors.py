"""The emulator's 5xx answers are read back from its log, each with the exception behind it."""

import pytest

from harness.emulator import server_errors

pytestmark = pytest.mark.unit

LOG = """emulator listening on http://127.0.0.1:47583
127.0.0.1 - - [26/Nov/2026 10:40:43] "GET /moto-api/data.json HTTP/1.1" 200 -
127.0.0.1 - - [26/Nov/2026 10:40:43] "POST /2020-05-31/distribution?WithTags HTTP/1.1" 500 -
Error on request:
Traceback (most recent call last):
  File "/x/werkzeug/serving.py", line 374, in run_wsgi
    execute(self.server.app)
  File "/x/moto/cloudfront/models.py", line 214, in __init__
    config["Origins"]["Items"] = [Origin(o) for o in config["Origins"]["Items"]]
KeyError: 'Origins'
127.0.0.1 - - [26/Nov/2026 10:40:44] "POST / HTTP/1.1" 200 -
127.0.0.1 - - [26/Nov/2026 10:40:45] "PUT /bucket?logging= HTTP/1.1" 503 -
127.0.0.1 - - [26/Nov/2026 10:40:46] "PUT /bucket?logging= HTTP/1.1" 500 -
Error on request:
Traceback (most recent call last):
  File "/x/moto/s3/models.py", line 1369, in _log_permissions_enabled_policy
    stmt.get("Principal", {}).get("Service")
AttributeError: 'str' object has no attribute 'get'
"""


def test_each_server_error_is_named_with_its_exception():
    assert server_errors(LOG) == [
        "POST /2020-05-31/distribution?WithTags -> 500 (KeyError: 'Origins')",
        "PUT /bucket?logging= -> 503",
        "PUT /bucket?logging= -> 500 (AttributeError: 'str' object has no attribute 'get')",
    ]


def test_a_log_of_successful_answers_has_none():
    assert server_errors(LOG.splitlines()[0] + "\n" + LOG.splitlines()[1]) == []
