"""Turn user text (SMILES, InChI, MOL block or a name) into an RDKit molecule."""

from __future__ import annotations

import os
import shutil
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rdkit import Chem, RDLogger

from .errors import ChemError, ChemErrorCode

# RDKit prints parse errors to stderr; the engine reports them through ChemError instead.
RDLogger.DisableLog("rdApp.*")  # type: ignore[attr-defined]

NameLookup = Callable[[str], "str | None"]

# Characters that never occur in a SMILES string: their presence means "treat as a name".
_NOT_SMILES = set(" ,;'\"!?&$^`|")


@dataclass(frozen=True, slots=True)
class ParsedInput:
    mol: Chem.Mol
    kind: str  # "smiles" | "inchi" | "molblock" | "name" | "systematic_name" | "mol"
    resolved_name: str | None = None


def _is_molblock(text: str) -> bool:
    return "\n" in text and ("M  END" in text or "V2000" in text or "V3000" in text)


def _parse_smiles(text: str) -> Chem.Mol | None:
    if not _NOT_SMILES.isdisjoint(text):
        return None
    return Chem.MolFromSmiles(text)


def java_available() -> bool:
    """True when a `java` executable is on PATH (needed for OPSIN name parsing)."""
    return shutil.which("java") is not None


@lru_cache(maxsize=2048)
def _opsin_smiles(name: str) -> str:
    from py2opsin import py2opsin  # imported lazily: it is only needed for systematic names

    try:
        # py2opsin passes names through a file whose default path is fixed: two workers (or
        # threads) resolving names at once would read each other's names. One file per call.
        with tempfile.TemporaryDirectory(prefix="cadis-opsin-") as tmp:
            with warnings.catch_warnings():  # OPSIN's "unparsable" warning is our UNKNOWN_NAME
                warnings.simplefilter("ignore")
                result = py2opsin(
                    name, output_format="SMILES", tmp_fpath=os.path.join(tmp, "name.txt")
                )
    except Exception:  # OPSIN runs as a subprocess; any failure means "not parsed"
        return ""
    return result if isinstance(result, str) else ""


def resolve_systematic_name(name: str) -> Chem.Mol:
    """Parse an IUPAC name with OPSIN (through py2opsin, which needs Java).

    >>> Chem.MolToSmiles(resolve_systematic_name("2-aminoindane"))  # doctest: +SKIP
    'NC1Cc2ccccc2C1'
    """
    if not java_available():
        raise ChemError(ChemErrorCode.NAME_RESOLVER_UNAVAILABLE, name)
    smiles = _opsin_smiles(name)
    mol = Chem.MolFromSmiles(smiles) if smiles else None
    if mol is None:
        raise ChemError(ChemErrorCode.UNKNOWN_NAME, name)
    return mol


def parse_input(
    text: str | Chem.Mol | None,
    *,
    name_lookup: NameLookup | None = None,
    use_opsin: bool = True,
) -> ParsedInput:
    """Read a structure from SMILES, InChI, a MOL block, a library name or an IUPAC name.

    `name_lookup` maps a name or synonym to a SMILES (the substance library provides it).

    >>> parse_input("CC(N)Cc1ccccc1").kind
    'smiles'
    >>> parse_input("  ").kind
    Traceback (most recent call last):
    ...
    cadis.engines.chem.errors.ChemError: The input is empty.
    """
    if isinstance(text, Chem.Mol):
        return ParsedInput(mol=text, kind="mol")
    if text is None or not str(text).strip():
        raise ChemError(ChemErrorCode.EMPTY_INPUT)
    raw = str(text)
    if _is_molblock(raw):
        mol = Chem.MolFromMolBlock(raw)
        if mol is None:
            raise ChemError(ChemErrorCode.INVALID_STRUCTURE, "unreadable MOL block")
        return ParsedInput(mol=mol, kind="molblock")
    stripped = raw.strip()
    if stripped.startswith("InChI="):
        mol = Chem.MolFromInchi(stripped)  # type: ignore[no-untyped-call]
        if mol is None:
            raise ChemError(ChemErrorCode.INVALID_STRUCTURE, "unreadable InChI")
        return ParsedInput(mol=mol, kind="inchi")
    from_smiles = _parse_smiles(stripped)
    if from_smiles is not None:
        return ParsedInput(mol=from_smiles, kind="smiles")
    if name_lookup is not None:
        smiles = name_lookup(stripped)
        if smiles:
            mol = Chem.MolFromSmiles(smiles)
            if mol is not None:
                return ParsedInput(mol=mol, kind="name", resolved_name=stripped)
    if _looks_like_name(stripped):
        if not use_opsin:
            raise ChemError(ChemErrorCode.UNKNOWN_NAME, stripped[:200])
        return ParsedInput(
            mol=resolve_systematic_name(stripped[:500]),
            kind="systematic_name",
            resolved_name=stripped,
        )
    raise ChemError(ChemErrorCode.INVALID_STRUCTURE, _short(stripped))


# Characters a SMILES string may contain; text made only of these was meant as SMILES.
_SMILES_ALPHABET = set("BCNOPSFIKclbrnospeHa0123456789()=#@+-\\/.%*[]:$~")


def _looks_like_name(text: str) -> bool:
    # A name has letters outside the SMILES alphabet (e.g. "ketamine", "MDMA", "2C-B").
    letters = sum(ch.isalpha() for ch in text)
    return letters >= 2 and "\n" not in text and not set(text) <= _SMILES_ALPHABET


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
