"""Fuzzing the hub's OpenAPI description with schemathesis: whatever arrives, fitting the
description or not, no 5xx, and every response matches what the description promises.

Cases are drawn with hypothesis from each operation's strategy (schemathesis's pytest loader
does not work with this pytest), positive and negative, against the ASGI app over a real
database, authorised with a real device token.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from sync import protocol
from sync.server.app import create_app
from tests.sync.samples import received_event

OPERATIONS = [("GET", "health"), ("GET", "time"), ("POST", "enroll"), ("POST", "events"),
              ("GET", "changes"), ("GET", "device")]


@pytest.mark.parametrize("method, name", OPERATIONS)
def test_no_input_makes_the_hub_fail(hub_engine, hub_admin, hub_client, method, name):
    device = hub_admin.enroll(hub_admin.commune())
    hub_client.post(f"{protocol.API_PREFIX}/events", json={"events": [received_event()]},
                    headers=device.headers)
    hub_admin.enrollment_code(device.commune_id)
    schema = schemathesis.openapi.from_asgi(f"{protocol.API_PREFIX}/openapi.json",
                                            create_app(hub_engine))
    operation = schema[f"{protocol.API_PREFIX}/{name}"][method]
    cases = st.one_of(operation.as_strategy(GenerationMode.POSITIVE),
                      operation.as_strategy(GenerationMode.NEGATIVE))

    @given(case=cases)
    @settings(max_examples=100, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def call(case):
        case.call_and_validate(
            headers={**(case.headers or {}), **device.headers},
            # Both checks assume the schema alone decides acceptance. It does not here, by
            # design: a well-formed enrollment code can still be unknown (401), and pushed
            # events are judged one by one inside a 200 answer so that one bad event cannot
            # block its batch.
            excluded_checks=[positive_data_acceptance, negative_data_rejection],
            additional_checks=[not_a_server_error],
        )

    call()
