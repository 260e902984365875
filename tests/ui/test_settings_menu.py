import sqlite3

from PySide6.QtWidgets import QApplication, QMessageBox

from desk_app.ui.restore_dialog import RestoreDialog


def test_the_leader_checks_the_journal_from_the_menu(counter_window, qtbot, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(("ok", args[2])))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(("broken", args[2])))
    counter_window.verify_action.trigger()
    assert said[0][0] == "ok" and "toàn vẹn" in said[0][1]

    # Someone edits a recorded event behind the app's back.
    db = sqlite3.connect(counter_window.services.data_dir / "desk.db")
    db.execute("DROP TRIGGER events_immutable")
    db.execute("UPDATE events SET payload = '{}' WHERE device_seq = 3")
    db.commit()
    db.close()
    counter_window.verify_action.trigger()
    assert said[1][0] == "broken"


def test_the_restore_wizard_opens_from_the_menu(counter_window, qtbot):
    counter_window.restore_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, RestoreDialog) and w.isVisible())
    dialog.reject()
