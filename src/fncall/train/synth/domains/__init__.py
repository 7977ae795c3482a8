"""The catalog's domains, in four files by area of life."""

from fncall.train.synth.catalog import Domain
from fncall.train.synth.domains import (
    home_and_life,
    money_and_security,
    travel_and_places,
    work_and_office,
)

DOMAINS: tuple[Domain, ...] = (
    *home_and_life.DOMAINS,
    *work_and_office.DOMAINS,
    *travel_and_places.DOMAINS,
    *money_and_security.DOMAINS,
)
