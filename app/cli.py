"""`zhifa`: the desktop client by default; sub-commands for headless work."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.domain.errors import UserError

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def _services(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from app.bootstrap import open_services
    from app.config.settings import Settings
    from app.domain import i18n

    settings = Settings.load()
    if args.data_dir:
        settings.set("data_dir", str(Path(args.data_dir).expanduser().resolve()))
    i18n.set_language(settings.language)
    return open_services(settings)


def cmd_demo_seed(args: argparse.Namespace) -> int:
    from app.services.cases import CaseFilter
    from app.services.demo import seed_demo, seed_demo_users

    services = _services(args)
    existing = services.cases.count(CaseFilter())
    if args.if_empty and existing:
        print(f"demo data already present ({existing} cases): nothing seeded")
    else:
        n = seed_demo(services, args.cases, seed=args.seed)
        print(f"seeded {n} demo cases into {services.database.url}")
    from app.services.demo_signing import DEMO_SEAL_PIN, seed_demo_seals

    accounts = seed_demo_users(services)
    sealed = seed_demo_seals(services)  # after the accounts: their signing certificates
    if sealed or accounts:
        print(f"demo seals and signing certificates: PIN {DEMO_SEAL_PIN}; {sealed} closed-case decisions sealed")
    from app.services.demo_evidence import seed_demo_evidence

    evidence = seed_demo_evidence(services)
    if evidence:
        print(f"demo evidence: {evidence} files imported from demo body cameras and a rapid-test kit")
    if accounts:
        _print_demo_accounts(accounts)
    return EXIT_OK


def _print_demo_accounts(accounts: list[tuple[str, str, str]]) -> None:
    width = max(len(a[0]) for a in accounts) + 2
    print("demo accounts (demo data only, never on a real installation):")
    print(f"  {'user name':<{width}}{'password':<{width + 4}}role")
    for username, password, role in accounts:
        print(f"  {username:<{width}}{password:<{width + 4}}{role}")


def _roles(text: str) -> frozenset:
    """``officer,section_head`` -> the roles (a person may hold several)."""
    from app.domain.officers import Role
    from app.domain.users import SIGN_IN_ROLES

    choices = ", ".join(r.value for r in SIGN_IN_ROLES)
    roles = set()
    for value in filter(None, (v.strip() for v in text.split(","))):
        if value not in {r.value for r in SIGN_IN_ROLES}:
            raise argparse.ArgumentTypeError(f"unknown role {value!r}; choose from {choices}")
        roles.add(Role(value))
    if not roles:
        raise argparse.ArgumentTypeError(f"name at least one role from {choices}")
    return frozenset(roles)


def _new_password() -> str:
    """From ZHIFA_NEW_PASSWORD (scripted installs), else asked twice without echo."""
    import getpass
    import os

    from app.cli_secrets import require_secret
    from app.domain.errors import ValidationError

    if os.environ.get("ZHIFA_NEW_PASSWORD"):
        return os.environ["ZHIFA_NEW_PASSWORD"]
    first = require_secret("password: ", "ZHIFA_NEW_PASSWORD")
    if getpass.getpass("password again: ") != first:
        raise ValidationError("{field}: the two passwords differ", field="password", rule="user.password_repeat")
    return first


def cmd_users_add(args: argparse.Namespace) -> int:
    """Whoever can run this on the data folder already holds the whole database: the command acts
    as an administrator, recorded in the audit chain under the operating-system login."""
    import getpass

    from app.domain.errors import ValidationError
    from app.domain.officers import Role
    from app.domain.users import SignedIn, User

    services = _services(args)
    officer_uuid = None
    if args.officer_certificate:
        officer = next((o for o in services.officers.all() if o.certificate_no == args.officer_certificate), None)
        if officer is None:
            raise ValidationError("{field}: no officer holds certificate {no}", field="officer_certificate",
                                  rule="user.officer", no=args.officer_certificate)
        officer_uuid = officer.uuid
    admin = None
    if services.auth.has_users():
        login = getpass.getuser()
        admin = SignedIn(User(f"cli:{login}"[:36], f"cli:{login}", f"命令行（{login}）"[:50],
                              frozenset({Role.ADMIN})), Role.ADMIN, at=services.clock.now())
    user = services.auth.create_user(admin, args.username, args.name, args.roles, _new_password(),
                                     officer_uuid=officer_uuid)
    print(f"user {user.username} created ({', '.join(sorted(r.value for r in user.roles))})")
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    report = _services(args).audit.verify()
    if report.ok:
        print(f"audit chain OK: {report.entries} entries verified")
        return EXIT_OK
    print(f"audit chain BROKEN at entry {report.first_broken_seq}: {report.problem} "
          f"({report.entries} entries before it are intact)", file=sys.stderr)
    return EXIT_FAILED


def cmd_calendar_load(args: argparse.Namespace) -> int:
    year = _services(args).calendars.load_file(Path(args.file))
    print(f"working-day calendar for {year.year} loaded: {len(year.holidays)} holidays, "
          f"{len(year.workdays)} adjusted working days")
    return EXIT_OK


def cmd_calendar_years(args: argparse.Namespace) -> int:
    years = sorted(_services(args).calendars.calendar.known_years())
    print(f"calendar loaded for {years[0]}–{years[-1]}" if years else "no calendar loaded")
    return EXIT_OK


def cmd_catalogue_import(args: argparse.Namespace) -> int:
    n = _services(args).catalogue.import_file(Path(args.file))
    print(f"{n} matters imported")
    return EXIT_OK


def cmd_cases_list(args: argparse.Namespace) -> int:
    from app.domain.cases import Stage
    from app.services.cases import CaseFilter

    services = _services(args)  # --stage was checked by argparse against the stages
    flt = CaseFilter(stage=Stage(args.stage) if args.stage else None, deadline=args.deadline,
                     text=args.search or "")
    rows = services.cases.list_cases(flt, 0, args.limit)
    for r in rows:
        due = f"{r.next_due} {r.next_rule_name} [{r.deadline_status}]" if r.next_due else "-"
        print(f"{r.number}\t{r.stage.value}\t{r.party_names}\t{r.matter_name}\t{due}")
    print(f"{len(rows)} of {services.cases.count(flt)} cases")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    """Exit 0 when every signature verifies, 1 when one does not or none is found."""
    from app.domain import i18n
    from app.signing.reports import describe

    reports = _services(args).verifier.verify(Path(args.file), Path(args.signature) if args.signature else None)
    if not reports:
        print("没有找到签章" if i18n.language() == "zh_CN" else "no signature found")
        return EXIT_FAILED
    for i, report in enumerate(reports, 1):
        print(f"[{i}] " + describe(report, i18n.language()).replace("\n", "\n    "))
    return EXIT_OK if all(r.ok for r in reports) else EXIT_FAILED


def parser() -> argparse.ArgumentParser:
    from app.domain.cases import Stage

    p = argparse.ArgumentParser(prog="zhifa", description="Zhifa 执法: case handling for enforcement bureaus. "
                                "Without a sub-command the desktop client opens.")
    p.add_argument("--version", action="version", version=f"zhifa {__version__}")
    p.add_argument("--data-dir", help="use the data folder DIR (its zhifa.sqlite3) instead of the per-user one")
    sub = p.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="demo data").add_subparsers(dest="demo_command", required=True)
    seed = demo.add_parser("seed", help="fill the database with a living demo bureau")
    seed.add_argument("--cases", type=int, default=600)
    seed.add_argument("--seed", type=int, default=7)
    seed.add_argument("--if-empty", action="store_true", help="do nothing when cases already exist")
    seed.set_defaults(func=cmd_demo_seed)

    users = sub.add_parser("users", help="user accounts").add_subparsers(dest="users_command", required=True)
    add = users.add_parser("add", help="create an account (the first one must include the admin role); the "
                           "password is asked twice, or read from ZHIFA_NEW_PASSWORD")
    add.add_argument("--username", required=True)
    add.add_argument("--name", required=True, help="the person's name as shown (Chinese)")
    add.add_argument("--roles", required=True, type=_roles,
                     help="comma-separated: officer, section_head, legal_reviewer, bureau_head, supervisor, admin")
    add.add_argument("--officer-certificate", help="执法证 number of the officer record (required for officer)")
    add.set_defaults(func=cmd_users_add)

    audit = sub.add_parser("audit", help="the tamper-evident audit log").add_subparsers(dest="audit_command",
                                                                                      required=True)
    audit.add_parser("verify", help="check the whole hash chain; names the first broken entry").set_defaults(
        func=cmd_audit_verify)

    cal = sub.add_parser("calendar", help="working-day calendars").add_subparsers(dest="calendar_command",
                                                                                 required=True)
    load = cal.add_parser("load", help="load a year's official calendar from a JSON file")
    load.add_argument("file")
    load.set_defaults(func=cmd_calendar_load)
    cal.add_parser("years", help="which years are loaded").set_defaults(func=cmd_calendar_years)

    cat = sub.add_parser("catalogue", help="the enforcement-matters catalogue").add_subparsers(
        dest="catalogue_command", required=True)
    imp = cat.add_parser("import", help="import matters from a JSON file")
    imp.add_argument("file")
    imp.set_defaults(func=cmd_catalogue_import)

    cases = sub.add_parser("cases", help="cases").add_subparsers(dest="cases_command", required=True)
    lst = cases.add_parser("list", help="list cases")
    lst.add_argument("--stage", choices=[s.value for s in Stage])
    lst.add_argument("--deadline", choices=("overdue", "due_soon"))
    lst.add_argument("--search")
    lst.add_argument("--limit", type=int, default=50)
    lst.set_defaults(func=cmd_cases_list)

    ver = sub.add_parser("verify", help="check the seals and signatures of a PDF, or of a .docx with its .p7s")
    ver.add_argument("file")
    ver.add_argument("--signature", help="the detached signature file (default: FILE.p7s beside it)")
    ver.set_defaults(func=cmd_verify)

    from app.cli_documents import add_parsers as add_document_parsers

    add_document_parsers(sub, lambda command: lambda args: command(args, _services(args)))
    from app.cli_import import add_parser as add_import_parser
    add_import_parser(sub, lambda command: lambda args: command(args, _services(args)))
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser().parse_args(argv)
    if args.command is None:
        from app.bootstrap import run_gui

        return run_gui(argv)
    try:
        return int(args.func(args))
    except UserError as exc:
        print(f"zhifa: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    raise SystemExit(main())
