"""Hedges, attached to the claim they weaken (sourcetrace.extract.hedges).

Covers PHENOMENA.md "Hedges and modality" and the docs/chains.md rule that a hedge may weaken the claim
of the previous sentence ("This data, if accurate, ...").
"""
from __future__ import annotations



def cues(figure) -> list[str]:
    return [h.cue.lower() for h in figure.hedges]


def test_a_hedging_verb_weakens_the_figure_it_reports(trace, figure_at):
    t = trace("The defence ministry claimed that 2,600 soldiers had returned to their units.")
    figure = figure_at(t, "2,600")
    assert cues(figure) == ["claimed"]
    hedge = figure.hedges[0]
    assert t.document.text[hedge.span[0]:hedge.span[1]] == "claimed"
    assert hedge.targets == [figure.id] and t.hedges == [hedge]


def test_this_data_if_accurate_weakens_the_previous_sentences_figure(trace, figure_at):
    t = trace("The ministry said 1,240 soldiers were detained in September. This data, if accurate, "
              "would point to a sharp rise in desertion.")
    figure = figure_at(t, "1,240")
    assert cues(figure) == ["if accurate"]
    hedge = figure.hedges[0]
    second = t.document.text.index("This data")
    assert hedge.sentence[0] == second and hedge.span[0] > second


def test_could_not_be_verified_weakens_the_figure_it_comments_on(trace, figure_at):
    t = trace("The ministry said 1,240 soldiers were detained in September. The number of detentions "
              "could not be independently verified.")
    assert cues(figure_at(t, "1,240")) == ["could not be independently verified"]


def test_it_could_not_be_verified_weakens_the_previous_figure(trace, figure_at):
    t = trace("The ministry said 1,240 soldiers were detained in September. It could not be "
              "independently verified.")
    assert cues(figure_at(t, "1,240")) == ["could not be independently verified"]


def test_a_hedge_weakens_only_the_conjunct_it_modifies(trace, figure_at):
    t = trace("Police recorded 1,200 desertion cases in 2023 and reportedly more than 3,000 in 2024, "
              "the ministry said.")
    assert cues(figure_at(t, "1,200")) == []
    assert cues(figure_at(t, "3,000")) == ["reportedly"]


def test_a_hedge_does_not_spread_to_a_later_unrelated_claim(trace, figure_at):
    t = trace("The ministry claimed that 1,240 soldiers were detained in September. Separately, "
              "police said 85 officers had been dismissed.")
    assert cues(figure_at(t, "1,240")) == ["claimed"]
    assert cues(figure_at(t, "85")) == []


def test_so_called_is_a_hedge(trace, figure_at):
    t = trace("The so-called volunteer battalions lost 300 fighters, the commander said.")
    assert cues(figure_at(t, "300")) == ["so-called"]


def test_the_month_may_and_the_noun_claims_are_not_hedges(trace, figure_at):
    t = trace("In May, police detained 240 deserters, the ministry said. The ministry rejected the "
              "claims of rights groups and said 120 soldiers had been released.")
    assert cues(figure_at(t, "240")) == []
    assert cues(figure_at(t, "120")) == []
    assert t.hedges == []


def test_a_verification_disclaimer_in_the_next_sentence_weakens_the_figure(trace, figure_at):
    t = trace("The ministry said 1,500 men deserted in May. Reuters could not independently verify the claim.")
    assert cues(figure_at(t, "1,500")) == ["could not independently verify"]


def test_if_the_figure_is_accurate_weakens_the_figure_before(trace, figure_at):
    t = trace("Officials said 300 people fled the town. If the figure is accurate, it would be a record.")
    assert cues(figure_at(t, "300")) == ["if the figure is accurate"]


def test_a_figure_to_be_believed_only_on_its_source_s_word_is_hedged(trace, figure_at):
    t = trace("If the ministry's figures are to be believed, 4,300 men returned to their units in May.")
    assert cues(figure_at(t, "4,300")) == ["are to be believed"]


def test_if_one_believes_in_russian_and_ukrainian_is_a_hedge():
    from sourcetrace import trace_text

    ru = trace_text("Если верить заявлениям министерства, с начала года контракт подписали 300 тыс. человек.",
                    language="ru", published="2025-10-17")
    uk = trace_text("Якщо вірити заявам міністерства, з початку року контракти підписали понад 300 тис. осіб.",
                    language="uk", published="2025-10-17")
    assert [h.cue.lower() for h in ru.figures[0].hedges] == ["если верить"]
    assert [h.cue.lower() for h in uk.figures[0].hedges] == ["якщо вірити"]
