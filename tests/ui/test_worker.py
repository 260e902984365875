import threading

from desk_app.ui.worker import Worker


def test_results_and_errors_come_back_on_the_gui_thread(qtbot):
    worker = Worker()
    gui = threading.get_ident()
    seen = []
    worker.run(
        threading.get_ident, lambda ident: seen.append(("done", ident, threading.get_ident()))
    )
    worker.run(
        lambda: 1 / 0, None, lambda exc: seen.append(("error", type(exc), threading.get_ident()))
    )
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    worker.shutdown()
    (kind, ran_on, delivered_on), (kind2, error, delivered_on2) = seen
    assert kind == "done" and ran_on != gui and delivered_on == gui
    assert kind2 == "error" and error is ZeroDivisionError and delivered_on2 == gui


def test_work_runs_in_order_and_shutdown_finishes_it(qtbot):
    worker = Worker()
    order = []
    for i in range(20):
        worker.run(lambda i=i: order.append(i))
    worker.shutdown()
    assert order == list(range(20))


def test_work_after_shutdown_is_dropped_not_raised(qtbot):
    worker = Worker()
    worker.shutdown()
    worker.run(lambda: None)  # a late timer while the window closes


def test_run_latest_drops_the_waiting_calls_a_newer_one_of_their_slot_overtook(qtbot):
    worker = Worker()
    gate = threading.Event()
    ran, answered = [], []
    worker.run(lambda: gate.wait(timeout=30))  # the worker is busy
    for n in range(3):
        worker.run_latest("list", lambda n=n: ran.append(n) or n, answered.append)
    worker.run_latest("board", lambda: ran.append("board") or "board", answered.append)
    gate.set()
    qtbot.waitUntil(lambda: len(answered) == 2, timeout=5000)
    worker.shutdown()
    assert ran == [2, "board"] and answered == [2, "board"]
