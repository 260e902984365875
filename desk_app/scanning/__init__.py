"""Digitising paper documents at reception (issue 16): pages from a scanner or from files,
assembled into one PDF/A-2b file per document. No Qt and no SQL here: the scan panel
(`desk_app.ui.scan_panel`) drives it, the services keep the files."""
