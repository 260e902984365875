"""Many counters pushing overlapping batches at once: every event stored exactly once, and every
answer agrees with that."""

from __future__ import annotations

import random
import threading
from collections import Counter, defaultdict

import requests
from sqlalchemy import select

from sync.protocol import chain_hash
from sync.server.database import reading
from sync.server.tables import dossiers
from tests.sync.samples import next_event, received_event

THREADS = 8
ROUNDS = 6
BATCH = 50


def test_concurrent_overlapping_pushes_store_each_event_once(live_hub):
    admin = live_hub.admin
    commune = admin.commune()
    devices = [admin.enroll(commune, f"Quầy {n}") for n in range(1, THREADS + 1)]
    received = [received_event(code=f"000.01.22.H56-261124-{1000 + n}", seq=n)
                for n in range(1, 151)]
    handed_over = [next_event(r, "handed_over", 4, seq=200 + n) for n, r in enumerate(received)]
    everything = received + handed_over
    answers: dict[str, list[tuple[str, str]]] = defaultdict(list)
    failures: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def counter(device, seed: int) -> None:
        rng = random.Random(seed)
        session = requests.Session()
        start.wait()
        for _ in range(ROUNDS):
            batch = rng.sample(everything, BATCH)
            response = session.post(f"{live_hub.api}/events", json={"events": batch},
                                    headers=device.headers, timeout=60)
            with lock:
                if response.status_code != 200:
                    failures.append(response.text)
                    continue
                for event, result in zip(batch, response.json()["results"], strict=True):
                    answers[event["uuid"]].append((result["result"], result["server_time"]))

    threads = [threading.Thread(target=counter, args=(device, n))
               for n, device in enumerate(devices)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Whatever the threads missed, one last push of everything.
    last = requests.post(f"{live_hub.api}/events", json={"events": everything[:200]},
                         headers=devices[0].headers, timeout=60)
    last_rest = requests.post(f"{live_hub.api}/events", json={"events": everything[200:]},
                              headers=devices[0].headers, timeout=60)
    for event, result in zip(everything, last.json()["results"] + last_rest.json()["results"],
                             strict=True):
        answers[event["uuid"]].append((result["result"], result["server_time"]))

    assert failures == []
    assert admin.count("events") == len(everything)
    assert admin.count("dossiers") == len(received)
    with reading(admin.engine) as connection:
        # Whatever order the events arrived in, each dossier ends in its newest event's state.
        assert connection.execute(select(dossiers.c.status).distinct()).scalars().all() == [4]
    for uuid, given in answers.items():
        kinds = Counter(result for result, _ in given)
        assert kinds["accepted"] <= 1, uuid
        assert set(kinds) <= {"accepted", "duplicate"}, given
        assert len({server_time for _, server_time in given}) == 1, given
    assert sum(Counter(r for r, _ in given)["accepted"] for given in answers.values()) == len(
        everything)


def test_forks_pushed_at_once_leave_one_event_at_each_place(live_hub):
    admin = live_hub.admin
    device = admin.enroll(admin.commune())
    places = range(2, 22, 2)  # the event before each is never sent: its link is not checked
    start = threading.Barrier(4)
    answers: Counter[str] = Counter()
    lock = threading.Lock()

    def forker(n: int) -> None:
        batch = []
        for seq in places:
            event = received_event(code=f"000.01.22.H56-261124-{n}{seq:03d}", seq=seq)
            batch.append({**event, "prev_hash": f"{n:x}" * 64,
                          "hash": chain_hash(f"{n:x}" * 64, event)})
        start.wait()
        response = requests.post(f"{live_hub.api}/events", json={"events": batch},
                                 headers=device.headers, timeout=60)
        with lock:
            answers.update(r["result"] for r in response.json()["results"])

    threads = [threading.Thread(target=forker, args=(n,)) for n in range(1, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert answers == {"accepted": len(places), "conflict": 3 * len(places)}
    assert admin.count("events") == len(places)
