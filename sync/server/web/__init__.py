"""The province's web: server-rendered pages on the hub's own FastAPI application.

- `/dang-nhap`: log in; `/tong-quan`: today per commune; `/xa/<id>`: a commune's dossiers;
  `/xa/<id>/ho-so/<uuid>`: a dossier's timeline. Province staff see every commune, a commune
  leader only theirs (accounts.User.sees). `/mat-khau`: any account changes its own password.
- `/bang-diem`: the Decision 766 scorecard (scores.py; charts.py draws its charts,
  scorecard_excel.py its Excel file) from the monthly sums sync.server.scorecard keeps.
- `/tra-cuu`: the citizen's public lookup (lookup.py), from a receipt's QR link or by hand.
- `/quan-tri/…`: the province administrator's pages (admin.py): communes, enrolment codes,
  devices, the province's events, web accounts, the catalogue and the calendar.

Settings (settings.py) come from the environment, so that every `province-hub serve` worker
reads the same ones: PROVINCE_HUB_PUBLIC_URL, the address citizens reach the hub at (printed in
receipt links; default: the address the counter enrolled through), and
PROVINCE_HUB_SECURE_COOKIES=1 behind a TLS-terminating proxy (cookies are Secure anyway when the
hub itself serves HTTPS).
"""
