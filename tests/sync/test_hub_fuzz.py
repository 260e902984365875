"""Fuzzing the hub's OpenAPI description with schemathesis: whatever arrives, fitting the
description or not, no 5xx; every response matches what the description promises; a request
that fits the description is not refused as malformed, and one that breaks it is refused (the
description says exactly what the hub enforces). Every operation, in the positive and the
negative phase, then sequences of calls following the description's links.

Cases are drawn with hypothesis from each operation's strategy (schemathesis's pytest loader
does not work with this pytest), against the ASGI app over a real database, authorised with a
real device token through schemathesis's auth hook, so a negative case about the token itself
stays as generated.
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.stateful import run_state_machine_as_test
from schemathesis import GenerationMode

from sync import protocol
from sync.server.app import create_app
from sync.server.settings import HubSettings
from sync.server.throttle import Limits
from tests.sync.samples import received_event

# A generated hash is never one an event of the device's commune named: the file operations
# answer 403 or 404 to positive cases (tests/sync/test_hub_files.py covers their 200s).
FILE_OPERATIONS = {"POST /api/v1/files/{sha256}", "PUT /api/v1/files/{sha256}",
                   "GET /api/v1/files/{sha256}"}
OPERATIONS = ["GET /api/v1/health", "GET /api/v1/time", "POST /api/v1/enroll",
              "POST /api/v1/events", "GET /api/v1/changes", "GET /api/v1/device",
              # The batch ask answers 200 even for files no event named: refused each alone.
              "POST /api/v1/files/ask",
              # A generated ID number has nothing digitised: answered with an empty list.
              "POST /api/v1/documents/find", *sorted(FILE_OPERATIONS)]
EXAMPLES = 60
# Fuzzing fails authentication on purpose, thousands of times: the limits must not answer 429
# in its place (tests/sync/test_hub_throttle.py checks them).
UNLIMITED = HubSettings(Limits(per_address=10**9, overall=10**9))


@pytest.fixture
def schema(hub_engine, hub_admin, hub_client):
    device = hub_admin.enroll(hub_admin.commune())
    hub_client.post(f"{protocol.API_PREFIX}/events", json={"events": [received_event()]},
                    headers=device.headers)
    hub_admin.enrollment_code(device.commune_id)
    loaded = schemathesis.openapi.from_asgi(f"{protocol.API_PREFIX}/openapi.json",
                                            create_app(hub_engine, UNLIMITED))

    @loaded.auth()
    class DeviceToken:
        def get(self, _case, _context):
            return device.token

        def set(self, case, token, _context):
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}

    return loaded


@pytest.mark.slow
def test_every_operation_answers_as_described(schema):
    operations = {result.ok().label: result.ok() for result in schema.get_all_operations()}
    assert sorted(operations) == sorted(OPERATIONS)  # a new operation is fuzzed too
    statuses: Counter[tuple[str, int]] = Counter()
    for operation in operations.values():
        takes_input = bool(operation.body or list(operation.iter_parameters()))
        modes = [GenerationMode.POSITIVE] + [GenerationMode.NEGATIVE] * takes_input
        for mode in modes:
            _fuzz(operation, mode, statuses)
    # The token went through: the authorised operations answered positive cases with data
    # (a generated enrollment code is never one the province issued).
    for label in set(OPERATIONS) - {"POST /api/v1/enroll"} - FILE_OPERATIONS:
        assert statuses[label, 200] > 0, (label, statuses)


def _fuzz(operation, mode: GenerationMode, statuses: Counter[tuple[str, int]]) -> None:
    @given(case=operation.as_strategy(mode))
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def call(case):
        response = case.call_and_validate()
        statuses[operation.label, response.status_code] += 1

    call()


@pytest.mark.slow
def test_sequences_of_calls_following_the_links(schema):
    machine = schema.as_state_machine()
    assert machine.bundles  # the description links operations (the feed's next page)
    run_state_machine_as_test(machine, settings=settings(
        max_examples=15, stateful_step_count=6, deadline=None, derandomize=True,
        database=None, suppress_health_check=list(HealthCheck)))
