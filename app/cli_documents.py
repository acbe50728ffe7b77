"""`zhifa documents …`: the 文号 register, case-file export and template files, for IT staff and
headless use. The command line acts as the workstation's administrator (like `zhifa users add`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from app.domain.officers import Actor, Role

CLI_ADMIN = Actor("cli", "命令行管理员", Role.ADMIN)
STATES = {"used": "已使用", "void": "已作废", "unissued": "未使用", "returned": "已退回"}


def _case_uuid(services, number: str) -> str:  # type: ignore[no-untyped-def]
    from app.domain.errors import NotFound
    from app.services.cases import CaseFilter

    rows = [r for r in services.cases.list_cases(CaseFilter(text=number), 0, 20) if r.number == number]
    if not rows:
        raise NotFound("no case numbered {number}", rule="case.number", number=number)
    return rows[0].uuid


def cmd_register(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    lines = services.documents.register(args.year)
    for line in lines:
        span = str(line.first) if line.first == line.last else f"{line.first}-{line.last}"
        detail = line.text if line.state in ("used", "void") else ""
        extra = line.reason if line.state == "void" else line.actor_name
        print(f"{line.series}\t{span}\t{STATES.get(line.state, line.state)}\t{detail}\t{extra}")
    print(f"{len(lines)} lines for {args.year}")
    return 0


def cmd_list(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    for item in services.documents.list_for_case(_case_uuid(services, args.case)):
        r = item.record
        state = "pending" if r is None else ("frozen" if item.frozen else f"v{r.current_version}")
        print(f"{item.code}\t{item.name}\t{r.number if r else ''}\t{state}")
    return 0


def cmd_export(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    result = services.dossiers.export(CLI_ADMIN, _case_uuid(services, args.case), Path(args.to))
    for path in result.volumes:
        print(path)
    print(result.archive)
    if result.pdf_skipped:
        print("no PDF converter (LibreOffice) is installed: only the zip of originals was written")
    return 0


def cmd_template_export(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    print(services.documents.export_template(args.code, Path(args.file)))
    return 0


def cmd_template_import(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    services.documents.import_template(CLI_ADMIN, args.code, Path(args.file))
    print(f"template for {args.code} replaced")
    return 0


def cmd_template_reset(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    done = services.documents.reset_template(CLI_ADMIN, args.code)
    print("shipped template restored" if done else "the shipped template was already in use")
    return 0


def cmd_seal_log(args: argparse.Namespace, services) -> int:  # type: ignore[no-untyped-def]
    lines = services.seals.usage_log(args.limit)
    for line in lines:
        print(f"{line.at:%Y-%m-%d %H:%M}\t{line.seal}\t{line.user}\t{line.document}\t{line.number}\t"
              f"{line.case_number}\t{line.format}\t{line.sealed_sha256[:16]}")
    print(f"{len(lines)} uses")
    return 0


def add_parsers(sub: argparse._SubParsersAction, run: Callable) -> None:  # type: ignore[type-arg]
    """``run(command)`` wraps a command taking (args, services) into an argparse ``func``."""
    docs = sub.add_parser("documents", help="执法文书: number register, case-file export, templates")
    dsub = docs.add_subparsers(dest="documents_command", required=True)
    reg = dsub.add_parser("register", help="the yearly document number register (文号登记簿)")
    reg.add_argument("--year", type=int, required=True)
    reg.set_defaults(func=run(cmd_register))
    lst = dsub.add_parser("list", help="documents of a case, made and pending")
    lst.add_argument("case", help="case number (案号)")
    lst.set_defaults(func=run(cmd_list))
    exp = dsub.add_parser("export", help="export a case file (卷宗): PDF per volume and a zip of originals")
    exp.add_argument("case", help="case number (案号)")
    exp.add_argument("--to", required=True, help="target folder")
    exp.set_defaults(func=run(cmd_export))
    tpl = dsub.add_parser("template", help="document templates (.docx)").add_subparsers(
        dest="template_command", required=True)
    for name, func, helptext in (("export", cmd_template_export, "write the template in use to FILE"),
                                 ("import", cmd_template_import, "check FILE and make it this bureau's template")):
        p = tpl.add_parser(name, help=helptext)
        p.add_argument("code", help="document type code, e.g. XZCFJDS")
        p.add_argument("file")
        p.set_defaults(func=run(func))
    seals = sub.add_parser("seals", help="seals").add_subparsers(dest="seals_command", required=True)
    log_cmd = seals.add_parser("log", help="the seal usage log (用印登记), newest first")
    log_cmd.add_argument("--limit", type=int, default=200)
    log_cmd.set_defaults(func=run(cmd_seal_log))
    reset = tpl.add_parser("reset", help="go back to the shipped template")
    reset.add_argument("code")
    reset.set_defaults(func=run(cmd_template_reset))
