"""Which time zone a programme's own zone abbreviations point to, when no one said.

A page that writes '1:15 PM PDT' tells its zone. Abbreviations that name one zone's rules
(both halves of its year) map to a zone here; ambiguous ones ('CST': Chicago or Shanghai;
'IST': India, Ireland or Israel) map to nothing, and neither does a mix of zones.
"""

from __future__ import annotations

from collections.abc import Iterable

# Each zone and the abbreviations that name it (AoE: 'anywhere on Earth', the deadline zone).
_ZONES = """
America/Los_Angeles             PST PDT PT
America/Denver                  MDT MT
America/New_York                EST EDT ET
America/Halifax                 ADT
America/St_Johns                NST NDT
America/Anchorage               AKST AKDT
Pacific/Honolulu                HST
America/Sao_Paulo               BRT
America/Argentina/Buenos_Aires  ART
America/Santiago                CLT CLST
America/Bogota                  COT
America/Lima                    PET
Europe/London                   BST
Europe/Lisbon                   WET WEST
Europe/Paris                    CET CEST
Europe/Athens                   EET EEST
Europe/Moscow                   MSK
Europe/Istanbul                 TRT
Asia/Dubai                      GST
Asia/Karachi                    PKT
Asia/Bangkok                    ICT
Asia/Jakarta                    WIB
Asia/Singapore                  SGT
Asia/Hong_Kong                  HKT
Asia/Tokyo                      JST
Asia/Seoul                      KST
Australia/Perth                 AWST
Australia/Adelaide              ACST ACDT
Australia/Sydney                AEST AEDT
Pacific/Auckland                NZST NZDT
Africa/Johannesburg             SAST
Africa/Maputo                   CAT
Africa/Nairobi                  EAT
Africa/Lagos                    WAT
Etc/GMT+12                      AoE
UTC                             UTC GMT Z
"""
ZONE_OF = {
    abbreviation: zone
    for zone, *abbreviations in (row.split() for row in _ZONES.strip().splitlines())
    for abbreviation in abbreviations
}


def zone_named_by(abbreviations: Iterable[str]) -> str | None:
    """The one zone all these abbreviations point to; None for none, a mix, or an ambiguous
    one among them."""
    zones = {ZONE_OF.get(abbreviation) for abbreviation in abbreviations}
    if len(zones) != 1 or None in zones:
        return None
    return zones.pop()
