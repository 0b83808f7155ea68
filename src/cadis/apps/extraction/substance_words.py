"""The extraction engine's substance codes in words of the reader's language.

A fact's payload keeps the engine's code (``narcotic_drugs``, ``heroin``): reviewers read the
word, never the code. A code without words here is shown as the text of the document said it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

SUBSTANCE_WORDS = {
    "synthetic_drugs": _("synthetic drugs (not named)"),
    "synthetic_cannabinoids": _("synthetic cannabinoids"),
    "smoking_mixtures": _("smoking mixtures"),
    "synthetic_cathinones": _("synthetic cathinones"),
    "new_psychoactive_substances": _("new psychoactive substances (not named)"),
    "psychotropic_substances": _("psychotropic substances (not named)"),
    "potent_substances": _("potent substances (not named)"),
    "psychoactive_substances": _("psychoactive substances (not named)"),
    "precursors_generic": _("precursors (not named)"),
    "narcotic_drugs": _("narcotic drugs (not named)"),
    "opium_group_drugs": _("opium-group drugs"),
    "amphetamine_type_stimulants": _("amphetamine-type stimulants"),
    "heroin": _("heroin"),
    "hashish": _("hashish"),
    "cannabis_herb": _("cannabis herb"),
    "cannabis_plants": _("cannabis plants"),
    "cannabis": _("cannabis"),
    "opium": _("opium"),
    "poppy_straw": _("poppy straw"),
    "cocaine": _("cocaine"),
    "methamphetamine": _("methamphetamine"),
    "amphetamine": _("amphetamine"),
    "mephedrone": _("mephedrone"),
    "alpha_pvp": _("alpha-PVP"),
    "mdma": _("MDMA"),
    "ecstasy": _("ecstasy"),
    "lsd": _("LSD"),
    "tramadol": _("tramadol"),
    "pregabalin": _("pregabalin"),
    "methadone": _("methadone"),
    "fentanyl": _("fentanyl"),
    "nitazenes": _("nitazenes"),
    "ketamine": _("ketamine"),
    "benzodiazepines": _("benzodiazepines"),
    "ephedrine": _("ephedrine"),
    "pseudoephedrine": _("pseudoephedrine"),
    "acetic_anhydride": _("acetic anhydride"),
    "phenylacetone": _("phenylacetone (P-2-P)"),
    "potassium_permanganate": _("potassium permanganate"),
    "1_4_butanediol": _("1,4-butanediol"),
    "ephedra": _("ephedra"),
    "sulphuric_acid": _("sulphuric acid"),
    "hydrochloric_acid": _("hydrochloric acid"),
    "acetone": _("acetone"),
    "toluene": _("toluene"),
    "red_phosphorus": _("red phosphorus"),
    "methylamine": _("methylamine"),
    "benzaldehyde": _("benzaldehyde"),
    "nitroethane": _("nitroethane"),
    "unidentified_substance": _("substance not identified"),
}


def substance_words(code: str | None) -> str:
    """Words for an engine substance code; the code itself when it has none (a new code)."""
    if not code:
        return ""
    return str(SUBSTANCE_WORDS.get(code, code))
