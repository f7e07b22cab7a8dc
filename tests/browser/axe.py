"""axe-core (from npm, pinned, kept under vendor/ for the tests only; see the README to update it) run in
the page by Playwright, and its findings written out so that a failing test shows every one of them."""

from pathlib import Path

AXE_VERSION = "4.14.1"
AXE_SOURCE = Path(__file__).parent / "vendor" / f"axe-core-{AXE_VERSION}" / "axe.min.js"
BLOCKING = ("serious", "critical")

RUN = """async (options) => {
    const result = await axe.run(document, options);
    return result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
    }));
}"""


def axe_violations(page, rules=None):
    """The violations axe finds in ``page`` as it is now (only ``rules`` when given). Playwright's
    evaluate is not subject to the page's Content-Security-Policy, so the site's policy stays on."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": list(rules)}
    return page.evaluate(RUN, options)


def blocking(violations):
    return [violation for violation in violations if violation["impact"] in BLOCKING]


def report(findings):
    """``findings``: ``[(where, violation)]``, written one node per line."""
    lines = [f"{len(findings)} serious or critical accessibility violation(s):"]
    for where, violation in findings:
        lines.append(f"- {where}: {violation['id']} ({violation['impact']}) {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)
