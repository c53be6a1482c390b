"""Report sections of the strategy stage: the POST-O canvases and knowledge creation per theme."""

from __future__ import annotations

from routekit.i18n import t
from routekit.strategy.stored import theme_canvas, theme_name
from routekit.workspace import Route

__all__ = ["knowledge_section", "post_o_section"]


def post_o_section(route: Route):
    """One canvas per theme with its points of attention, or None without canvases."""
    from routekit.report import Chart, Section
    from routekit.strategy.plot import plot_canvas
    from routekit.style import chart_size

    canvases = route.records("post_o")
    if not canvases:
        return None
    paragraphs, figures = [], []
    for canvas in canvases:
        name = theme_name(route, canvas.theme)
        page = theme_canvas(route, canvas.theme)
        warnings = page.warnings
        text = " ".join(w.message for w in warnings) or t("strategy.warnings.none")
        paragraphs.append(t("strategy.report.warnings", theme=name, warnings=text))
        figures.append(Chart(plot_canvas(page, size=chart_size()).get_figure(root=True),
                             name=f"post-o-{canvas.theme}",
                             point=t("documents.strategy.post_o_point", theme=name,
                                     count=len(warnings)) if warnings else
                             t("documents.strategy.post_o_ok", theme=name),
                             notes=[w.message for w in warnings] or [text]))
    return Section(title=t("strategy.report.post_o_title"), paragraphs=paragraphs,
                   figures=figures)


def knowledge_section(route: Route):
    """Lankes' conditions and the cycle stage per theme, or None without records."""
    import pandas as pd

    from routekit.report import Chart, Section
    from routekit.strategy.knowledge import advice, conditions_table
    from routekit.strategy.plot import knowledge_figure
    from routekit.style import chart_size

    records = route.records("knowledge")
    if not records:
        return None
    paragraphs, tables, figures = [], [], []
    for record in records:
        name = theme_name(route, record.theme)
        stage = t(f"strategy.stage.{record.stage}") if record.stage else t("strategy.stage.none")
        paragraphs.append(t("strategy.report.stage", theme=name, stage=stage,
                            advice=" ".join(advice(record))))
        table = conditions_table(record)[["label", "score", "note"]]
        tables.append(pd.DataFrame({t("strategy.col.condition"): table["label"],
                                    t("strategy.col.score"): table["score"],
                                    t("strategy.col.note"): table["note"]}))
        scored = table.dropna(subset=["score"])
        weakest = scored.loc[scored["score"].idxmin()] if len(scored) else None
        point = t("documents.strategy.knowledge_point", theme=name, stage=stage.lower()) + (
            t("documents.strategy.weakest", condition=weakest["label"].lower(),
              score=f"{weakest['score']:g}") if weakest is not None else "")
        figures.append(Chart(knowledge_figure(record, theme_name=name, size=chart_size()),
                             name=f"kenniscreatie-{record.theme}", point=point,
                             notes=[f"{r.label}: {r.score:g}" if r.score == r.score
                                    else f"{r.label}: –" for r in table.itertuples()]
                             + advice(record)))
    return Section(title=t("strategy.report.knowledge_title"), paragraphs=paragraphs,
                   tables=tables, figures=figures)
