"""Report stage: a self-contained HTML report built from plain per-view data."""

from accord.report.assemble import make_report, report_data
from accord.report.data import ReportData
from accord.report.render import render_html, write_report

__all__ = ["ReportData", "make_report", "render_html", "report_data", "write_report"]
