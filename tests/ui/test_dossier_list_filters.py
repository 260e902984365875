"""The list's filter bar: state, period, procedure, clerk and overdue narrow the paged list."""

from collections import Counter
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from desk_app.core.states import DossierState
from desk_app.core.timeliness import Timeliness
from desk_app.services.demo import seed
from desk_app.ui.dossier_list import DossierListWidget, Group
from desk_app.ui.dossier_table_model import Column, applicant_sort_key
from desk_app.ui.lazy_dossier_model import PAGE_SIZE


@pytest.fixture
def demo_services(services):
    seed(services)
    return services


@pytest.fixture
def dossier_list(qtbot, demo_services, worker):
    widget = DossierListWidget(demo_services, worker)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    widget.refresh()
    assert widget.model.rowCount() == 36
    return widget


def shown(widget) -> list:
    return [widget.model.dossier_row(r) for r in range(widget.model.rowCount())]


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index > 0, data
    combo.setCurrentIndex(index)


def test_state_filter_keeps_the_state_chosen(dossier_list):
    choose(dossier_list.state_filter, int(DossierState.RETURNED))
    assert dossier_list.model.rowCount() == 0
    assert dossier_list.row_count.text() == "Không có hồ sơ phù hợp"
    choose(dossier_list.state_filter, int(DossierState.RECEIVED))
    assert dossier_list.model.rowCount() == 36
    assert dossier_list.state_filter.itemText(1) == "Đang giải quyết"


def test_procedure_filter_lists_the_catalogue_and_keeps_one(dossier_list, demo_services):
    codes = Counter(demo_services.dossier(row.uuid).draft.procedure_code
                    for row in demo_services.dossier_rows())
    code, count = codes.most_common(1)[0]
    assert dossier_list.procedure_filter.count() == len(demo_services.procedures()) + 1
    choose(dossier_list.procedure_filter, code)
    assert dossier_list.model.rowCount() == count < 36
    name = demo_services.procedure(code).name
    assert all(row.procedure_name == name for row in shown(dossier_list))


def test_clerk_filter_offers_who_received(dossier_list):
    assert dossier_list.clerk_filter.itemText(0) == "Mọi cán bộ"
    # The demo's two clerks share the 36 dossiers.
    choose(dossier_list.clerk_filter, "Nguyễn Thị Lan")
    assert 0 < dossier_list.model.rowCount() < 36
    assert all(row.clerk == "Nguyễn Thị Lan" for row in shown(dossier_list))


def test_overdue_filter_keeps_only_the_late(qtbot, demo_services, worker, clock):
    widget = DossierListWidget(demo_services, worker)
    qtbot.addWidget(widget)
    widget.period.setCurrentIndex(3)  # Tất cả
    judged = [widget.model.timeliness(r) for r in range(widget.model.rowCount())]
    late = judged.count(Timeliness.OVERDUE)
    assert 0 < late < 36
    widget.overdue_filter.setChecked(True)
    assert widget.model.rowCount() == late
    assert {widget.model.timeliness(r) for r in range(late)} == {Timeliness.OVERDUE}
    clock.now += timedelta(days=40)
    widget.refresh()
    assert widget.model.rowCount() == 36
    assert widget.row_count.text() == "36 hồ sơ · 36 quá hạn"


def test_search_still_narrows_within_the_filters(qtbot, dossier_list):
    dossier_list.filter_text.setText("nguyen")
    qtbot.waitUntil(lambda: dossier_list.model.rowCount() < 36)
    found = shown(dossier_list)
    assert found and all("Nguyễn" in row.applicant_name for row in found)
    choose(dossier_list.state_filter, int(DossierState.RETURNED))
    assert dossier_list.model.rowCount() == 0


def test_a_group_hides_the_filters_and_sorts_by_given_name(qtbot, dossier_list, demo_services):
    rows = demo_services.dossier_rows()[:10]
    dossier_list.show_group(Group("Mười hồ sơ", lambda: rows))
    assert dossier_list.model.rowCount() == 10
    assert not dossier_list.state_filter.isVisibleTo(dossier_list)
    assert not dossier_list.overdue_filter.isVisibleTo(dossier_list)
    header = dossier_list.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.APPLICANT) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == Column.APPLICANT
    names = [row.applicant_name for row in shown(dossier_list)]
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert names == sorted(names, key=applicant_sort_key, reverse=descending)
    dossier_list.leave_group()
    assert dossier_list.model.rowCount() == 36
    assert dossier_list.state_filter.isVisibleTo(dossier_list)
    assert header.sortIndicatorSection() == Column.RECEIVED


def test_a_long_list_comes_in_pages_and_says_there_is_more(qtbot, services, worker):
    seed(services, count=PAGE_SIZE + 20, days=60)
    widget = DossierListWidget(services, worker)
    qtbot.addWidget(widget)
    widget.resize(1200, 400)
    widget.show()
    widget.period.setCurrentIndex(3)  # Tất cả
    assert widget.model.rowCount() == PAGE_SIZE
    assert widget.row_count.text() == f"{PAGE_SIZE}+ hồ sơ (cuộn để xem thêm)"
    widget.table.scrollToBottom()
    qtbot.waitUntil(lambda: widget.model.rowCount() == PAGE_SIZE + 20)
    assert widget.row_count.text().startswith(f"{PAGE_SIZE + 20} hồ sơ")
