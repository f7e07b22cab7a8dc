"""Public consultations on draft policies (góp ý dự thảo, ``/gop-y-du-thao/``) and published questions
and answers (hỏi đáp, ``/hoi-dap/``).

Built on feedback's machinery, never copying it:

- a consultation's comments are :class:`feedback.models.Comment` rows (same form defences, tokens,
  rate limits, proof of work, pre-moderation workflow and purge on approval), each with a
  :class:`~consultations.models.ConsultationCommentDetails` row for what only consultations ask:
  the section, the unit, the contact and the member choice (``consultations.services``);
- the period (opens/closes, GMT+7) is one rule, :mod:`consultations.period`, read by the page, the
  submit view and ``manage.py close_consultations``;
- the synthesis (counts, main points, accepted comments) is written on the page by an editor and
  exported to DOCX with python-docx (``consultations.export``);
- questions have their own workflow (``consultations.questions``), tracking codes from
  :mod:`feedback.codes` with the prefix ``HD`` answered by the look-up at ``/tra-cuu/`` through its
  ``feedback_lookup_code`` hook, and their admin through :mod:`feedback.moderation_admin`.
"""
