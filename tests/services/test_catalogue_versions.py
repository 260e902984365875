"""The commune edits its catalogue: versions that dossiers keep, the province's catalogue and
the commune's override, the JSON file, and who may do it."""

import json
from dataclasses import replace

import pytest

from desk_app.core.accounts import Role
from desk_app.core.catalogue import VersionSource, same_content
from desk_app.core.model import Procedure, ProcessingTime, RequiredDocument, TimeUnit
from desk_app.services import province_events
from desk_app.services.app import Services
from desk_app.services.errors import PermissionDenied, ServiceError, ValidationFailed
from desk_app.store import catalogue
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD, login_as
from tests.printing.pdf_checks import page_texts
from tests.services.factories import full_draft

CODE = "1.004222"  # Đăng ký thường trú, 7 working days, 20.000 đ


def renamed(services, name="Đăng ký thường trú (quy trình mới)"):
    """The admin renames the procedure, drops a document, adds one and raises the fee."""
    current = services.procedure(CODE)
    return replace(
        current, name=name, fee=30000,
        documents=(*current.documents[:1],
                   RequiredDocument("Sổ hộ khẩu hoặc xác nhận thông tin cư trú", copies=1)))


def publish(services, version, *procedures):
    """The province's catalogue coming down with a sync pull."""
    document = {"version": version, "source": "UBND tỉnh", "procedures": [
        {"code": p.code, "name": p.name, "field": p.field,
         "time": {"value": p.time.value, "unit": p.time.unit.value}, "fee": p.fee,
         "documents": [{"name": d.name, "mandatory": d.mandatory} for d in p.documents]}
        for p in procedures]}
    with services.ctx.lock:
        province_events.apply_page(
            services.ctx, [{"seq": 1, "type": "catalogue", "data": document}], 1)
    assert services.db.execute("SELECT COUNT(*) FROM sync_problems").fetchone()[0] == 0


def test_a_dossier_keeps_the_version_it_was_received_under(services, tmp_path):
    old = services.procedure(CODE)
    assert old.version == 1
    first = services.receive(full_draft(services, CODE))
    first_receipt = services.receipt_pdf(first.uuid)

    saved = services.save_procedure(renamed(services))

    assert saved.version == 2 and services.procedure(CODE) == saved
    kept = services.dossier(first.uuid)
    assert kept.procedure_version == 1 and kept.procedure_name == old.name
    assert services.procedure_at(CODE, kept.procedure_version) == old
    # A reprint draws the receipt again when its PDF is gone: still the old version's.
    first_receipt.unlink()
    reprint = " ".join(page_texts(services.receipt_pdf(first.uuid)))
    assert old.name in reprint and saved.name not in reprint
    assert old.documents[1].name in reprint

    second = services.receive(full_draft(services, CODE))
    assert second.procedure_version == 2 and second.procedure_name == saved.name
    received = services.history(second.uuid)[0].payload["procedure"]
    assert received == {"code": CODE, "version": 2, "name": saved.name,
                        "time": {"value": 7, "unit": "working_days"}}
    text = " ".join(page_texts(services.receipt_pdf(second.uuid)))
    assert saved.name in text and saved.documents[1].name in text


def test_an_edit_without_a_change_makes_no_version(services):
    current = services.procedure(CODE)
    # The same, typed in decomposed Unicode with stray spaces.
    again = replace(current, name=" Đăng ký  thường trú ".replace("ư", "u\u031b"))
    assert services.save_procedure(again) == current
    assert [v.procedure.version for v in services.procedure_versions(CODE)] == [1]
    # Though it now carries the commune's override.
    [entry] = [e for e in services.catalogue_entries() if e.procedure.code == CODE]
    assert entry.local_override


def test_an_edit_started_from_an_older_version_is_refused(services):
    stale = services.procedure(CODE)
    services.save_procedure(renamed(services))
    with pytest.raises(ServiceError, match="phiên bản 2"):
        services.save_procedure(replace(stale, fee=0))
    assert services.procedure(CODE).version == 2


def test_a_new_procedure_gets_version_1_and_a_code_of_its_own(services):
    new = Procedure(code="XA.01", name="Xác nhận thôn", field="Khác",
                    time=ProcessingTime(2, TimeUnit.WORKING_DAYS), unit="Văn phòng UBND xã")
    saved = services.save_procedure(new)
    assert saved.version == 1 and services.procedure("XA.01") == saved
    [version] = services.procedure_versions("XA.01")
    assert version.source is VersionSource.LOCAL and version.created_by == ADMIN_NAME
    with pytest.raises(ValidationFailed) as failure:
        services.save_procedure(replace(new, code=CODE))
    assert [i.field for i in failure.value.issues] == ["code"]


def test_a_bad_procedure_is_refused_field_by_field(services):
    bad = replace(services.procedure(CODE), name="", fee=-5,
                  documents=(RequiredDocument("Tờ khai"), RequiredDocument("tờ khai")))
    with pytest.raises(ValidationFailed) as failure:
        services.save_procedure(bad)
    assert [i.field for i in failure.value.issues] == ["name", "fee", "documents"]
    assert services.procedure(CODE).version == 1


def test_the_province_wins_without_the_override(services):
    local = services.save_procedure(renamed(services), local_override=False)
    province = replace(services.procedure_at(CODE, 1), name="Đăng ký thường trú (tỉnh 2027)")

    publish(services, "2099.1", province)

    current = services.procedure(CODE)
    assert current.version == 3 and current.name == province.name
    assert services.procedure_at(CODE, 2) == local
    assert services.procedure_versions(CODE)[0].source is VersionSource.PROVINCE


def test_the_override_keeps_the_communes_version_until_it_is_dropped(services):
    local = services.save_procedure(renamed(services))  # the editor keeps it by default
    province = replace(services.procedure_at(CODE, 1), name="Đăng ký thường trú (tỉnh 2027)")

    publish(services, "2099.1", province)

    assert services.procedure(CODE) == local
    [entry] = services.catalogue_entries(CODE)
    assert entry.local_override and entry.newer_province_version == 3
    assert services.procedure_at(CODE, 3).name == province.name

    entry = services.set_local_override(CODE, False)

    assert not entry.local_override and entry.newer_province_version is None
    assert services.procedure(CODE).name == province.name
    assert services.procedure(CODE).version == 3


def test_a_province_version_kept_aside_survives_another_local_edit(services):
    services.save_procedure(renamed(services))  # v2, with the override
    province = replace(services.procedure_at(CODE, 1), name="Đăng ký thường trú (tỉnh 2027)")
    publish(services, "2099.1", province)  # v3, kept aside
    again = services.save_procedure(renamed(services, "Đăng ký thường trú (xã sửa lại)"))
    assert again.version == 4

    [entry] = services.catalogue_entries(CODE)
    assert entry.newer_province_version == 3
    entry = services.set_local_override(CODE, False)

    assert services.procedure(CODE).version == 3
    assert services.procedure(CODE).name == province.name
    assert entry.newer_province_version is None


def test_without_the_override_a_local_edit_keeps_nothing_aside(services):
    local = services.save_procedure(renamed(services), local_override=False)
    [entry] = services.catalogue_entries(CODE)
    assert entry.newer_province_version is None
    # Saving it again unchanged leaves the commune's edit current until the province publishes.
    assert services.save_procedure(local, local_override=False) == local
    assert services.procedure(CODE) == local


def test_unticking_the_override_in_the_editor_takes_the_province_version(services):
    local = services.save_procedure(renamed(services))
    province = replace(services.procedure_at(CODE, 1), name="Đăng ký thường trú (tỉnh 2027)")
    publish(services, "2099.1", province)

    taken = services.save_procedure(local, local_override=False)

    assert taken.name == province.name and taken.version == 3
    assert services.procedure(CODE) == taken
    [entry] = services.catalogue_entries(CODE)
    assert not entry.local_override


def test_a_procedure_the_province_withdraws_is_no_longer_offered(services):
    kept = services.procedure("1.001193")
    dossier = services.receive(full_draft(services, CODE))

    publish(services, "2099.1", kept)

    assert [p.code for p in services.procedures()] == ["1.001193"]
    with pytest.raises(ValidationFailed) as failure:
        services.receive(replace(full_draft(services, "1.001193"), procedure_code=CODE))
    assert "procedure" in {i.field for i in failure.value.issues}
    assert services.dossier(dossier.uuid).procedure_name == "Đăng ký thường trú"
    [entry] = services.catalogue_entries(CODE)
    assert entry.withdrawn and not entry.local_only
    # The commune may take it back for itself.
    services.save_procedure(services.procedure_at(CODE, 1))
    assert CODE in {p.code for p in services.procedures()}


def test_export_and_import_round_trip(services, tmp_path, clock):
    services.save_procedure(replace(renamed(services), unit="Công an xã"))
    path = tmp_path / "danh-muc.json"
    assert services.export_catalogue(path) == len(services.catalogue_entries())

    other = Services(tmp_path / "other", clock=clock)
    other.first_run(services.counter_setup(), ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    summary = other.import_catalogue(path)

    assert (summary.added, summary.changed) == (0, 1)
    ours = {e.procedure.code: e.procedure for e in services.catalogue_entries()}
    theirs = {e.procedure.code: e.procedure for e in other.catalogue_entries()}
    assert ours.keys() == theirs.keys()
    assert all(same_content(ours[code], theirs[code]) for code in ours)
    imported = other.procedure_versions(CODE)[0]
    assert imported.source is VersionSource.IMPORT and imported.current
    [entry] = other.catalogue_entries(CODE)
    assert entry.local_override  # an import is the commune's own edit
    again = other.import_catalogue(path)
    assert (again.added, again.changed, again.unchanged) == (0, 0, len(ours))
    other.close()


def test_a_bad_import_changes_nothing(services, tmp_path):
    path = tmp_path / "danh-muc.json"
    services.export_catalogue(path)
    document = json.loads(path.read_text("utf-8"))
    document["procedures"][0]["name"] = "Tên đã sửa"
    document["procedures"][-1]["documents"] = [{"name": "Tờ khai"}, {"name": "Tờ khai"}]
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    before = [(e.procedure, e.local_override) for e in services.catalogue_entries()]

    with pytest.raises(ServiceError) as failure:
        services.import_catalogue(path)

    code = document["procedures"][-1]["code"]
    assert str(failure.value).startswith(f"Thủ tục {code} trong tệp chưa hợp lệ")
    assert "trùng tên với dòng 1" in str(failure.value)
    assert [(e.procedure, e.local_override) for e in services.catalogue_entries()] == before

    document["procedures"][-1]["fee"] = -1
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    with pytest.raises(ServiceError, match=f"thủ tục {code}: lệ phí không được âm"):
        services.import_catalogue(path)
    path.write_text("{không phải json", "utf-8")
    with pytest.raises(ServiceError, match="không phải tệp danh mục JSON"):
        services.import_catalogue(path)
    assert [(e.procedure, e.local_override) for e in services.catalogue_entries()] == before


def test_an_import_cannot_add_a_code_in_use_with_other_capitals(services, tmp_path):
    own = Procedure(code="XA-01", name="Xác nhận thôn", field="Khác",
                    time=ProcessingTime(2, TimeUnit.WORKING_DAYS))
    services.save_procedure(own)
    path = tmp_path / "danh-muc.json"
    services.export_catalogue(path)
    document = json.loads(path.read_text("utf-8"))
    [item] = [p for p in document["procedures"] if p["code"] == "XA-01"]
    document["procedures"] = [{**item, "code": "xa-01", "name": "Xác nhận thôn (sửa)"}]
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")

    with pytest.raises(ServiceError, match="Mã thủ tục XA-01 đã có trong danh mục"):
        services.import_catalogue(path)

    assert "xa-01" not in catalogue.codes(services.db)
    # Spelled as in the catalogue, the same file updates the procedure.
    document["procedures"][0]["code"] = "XA-01"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    assert services.import_catalogue(path).changed == 1
    assert services.procedure("XA-01").name == "Xác nhận thôn (sửa)"


def test_the_bundled_catalogue_goes_through_the_province_path(services):
    [version] = services.procedure_versions(CODE)
    assert version.source is VersionSource.PROVINCE
    assert version.catalogue_version == catalogue.loaded_version(services.db)


def test_handover_suggests_the_unit_the_procedure_goes_to(services):
    services.save_procedure(replace(services.procedure(CODE), unit="Công an xã"))
    police = [services.receive(full_draft(services, CODE)) for _ in range(2)]
    other = services.receive(full_draft(services, "1.004194"))
    assert services.suggested_unit([d.uuid for d in police]) == "Công an xã"
    assert services.suggested_unit([police[0].uuid, other.uuid]) == ""
    # The unit of the version received under, not the current one.
    services.save_procedure(replace(services.procedure(CODE), unit="Văn phòng UBND xã"))
    assert services.suggested_unit([police[0].uuid]) == "Công an xã"


def test_a_clerk_reads_the_catalogue_but_cannot_change_it(services, tmp_path):
    login_as(services, Role.CLERK)
    assert services.catalogue_entries(CODE)
    assert services.procedure_versions(CODE)
    attempts = [
        lambda: services.save_procedure(renamed(services)),
        lambda: services.set_local_override(CODE, True),
        lambda: services.export_catalogue(tmp_path / "x.json"),
        lambda: services.import_catalogue(tmp_path / "x.json"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    assert services.procedure(CODE).version == 1
    assert not (tmp_path / "x.json").exists()
