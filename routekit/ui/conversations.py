"""Form of notebook 03: record a conversation and see the open action points.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> form = ConversationForm(route)
>>> form.summary.value = "Kennismaking met de ouderenbond"
>>> form.save.click()
>>> form.message.value  # doctest: +ELLIPSIS
"<span style='color:#1a7f37'>✓ Gesprek van ... opgeslagen.</span>"
"""

from __future__ import annotations

from datetime import date

import ipywidgets as w

from routekit.conversations import action_points, add_conversation
from routekit.i18n import t
from routekit.plan.formats import day
from routekit.ui.kit import Form, button, lines, route_names, show_table
from routekit.workspace import Route

__all__ = ["ConversationForm"]


class ConversationForm(Form):
    """Record one conversation (a new record: saved with the button); the action-point table
    below updates on save.

    Attributes
    ----------
    when, theme, participants, format, summary, actions, follow_up : ipywidgets
        Inputs (participants: several stakeholders, Ctrl/Cmd-click).
    save : ipywidgets.Button
    saved : Conversation or None
        The record written by the last save.
    message : ipywidgets.HTML
    table : ipywidgets.Output
        The open action points (names, Dutch columns).
    widget : ipywidgets.VBox
    """

    FIELD_LABELS = {"date": "conversations.form.date", "action_points":
                    "conversations.form.actions"}

    def __init__(self, route: Route, *, today: date | None = None):
        super().__init__(route)
        self.today = today
        self.saved = None
        stakeholders = sorted((s.name, s.id) for s in route.records("stakeholders"))
        self.when = w.DatePicker(description=t("conversations.form.date"),
                                 value=today or date.today())
        self.theme = w.Dropdown(description=t("conversations.form.theme"),
                                options=[("–", None)] + [(th.name, th.id)
                                                         for th in route.config.themes])
        self.participants = w.SelectMultiple(description=t("conversations.form.participants"),
                                             options=stakeholders, rows=8)
        self.format = w.ToggleButtons(description=t("conversations.form.format"),
                                      options=[(t("conversations.format.individual"),
                                                "individual"),
                                               (t("conversations.format.group"), "group")])
        self.summary = w.Textarea(description=t("conversations.form.summary"), rows=4)
        self.actions = w.Textarea(description=t("conversations.form.actions"),
                                  placeholder=t("conversations.form.actions_hint"), rows=3)
        self.follow_up = w.DatePicker(description=t("conversations.form.follow_up"))
        self.save = button(description=t("conversations.form.save"), button_style="primary")
        self.table = w.Output()
        for field in (self.when, self.theme, self.participants, self.summary, self.actions,
                      self.follow_up):
            field.style.description_width = "10em"
            field.layout.width = "40em"
        self.save.on_click(self._on_save)
        self.widget = w.VBox([self.when, self.theme, self.participants, self.format,
                              self.summary, self.actions, self.follow_up, self.save,
                              self.message, self.table])
        self._show_actions()

    def _on_save(self, _button=None) -> None:
        on = self.when.value or date.today()
        record = {"date": on, "theme": self.theme.value,
                  "participants": list(self.participants.value), "format": self.format.value,
                  "summary": self.summary.value, "action_points": lines(self.actions.value),
                  "follow_up": self.follow_up.value}

        def save() -> str:
            self.saved = add_conversation(self.route, record)  # never over one added meanwhile
            return t("kit.conversation_saved", date=day(self.saved.date))

        if self.attempt(save, t("conversations.form.failed")):
            self.summary.value = self.actions.value = ""
            self._show_actions()

    def _show_actions(self) -> None:
        show_table(action_points(self.route, today=self.today), self.table, kind="actions",
                   names=route_names(self.route))
