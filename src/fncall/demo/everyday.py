"""Everyday example tools with offline, deterministic implementations.

They stand in for real services so the demo and tests run anywhere: the weather table,
exchange rates and device states are fixed.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from fncall.tools import tool

_WEATHER_C = {"seattle": 11.0, "paris": 17.5, "tokyo": 21.0, "cairo": 31.0}
_RATES_TO_USD = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27, "JPY": 0.0067, "CHF": 1.13}


def get_weather(city: str, unit: Literal["celsius", "fahrenheit"] = "celsius") -> dict:
    """Get the current temperature in a city.

    Args:
        city: Name of the city, e.g. "Paris".
        unit: Temperature unit of the answer.
    """
    celsius = _WEATHER_C.get(city.strip().lower())
    if celsius is None:
        raise LookupError(f"no weather station for {city!r}")
    value = celsius if unit == "celsius" else round(celsius * 9 / 5 + 32, 1)
    return {"city": city, "temperature": value, "unit": unit}


def get_coordinates(city: str) -> list[float]:
    """Look up the latitude and longitude of a city.

    Args:
        city: Name of the city.
    """
    table = {"seattle": [47.61, -122.33], "paris": [48.86, 2.35], "tokyo": [35.68, 139.69]}
    return table[city.strip().lower()]


def convert_currency(amount: float, from_currency: str, to_currency: str) -> float:
    """Convert an amount of money between currencies at today's rate.

    Args:
        amount: How much money to convert.
        from_currency: ISO 4217 code of the source currency, e.g. "EUR".
        to_currency: ISO 4217 code of the target currency, e.g. "USD".
    """
    rate = _RATES_TO_USD[from_currency.upper()] / _RATES_TO_USD[to_currency.upper()]
    return round(amount * rate, 2)


class Room(Enum):
    """Rooms with a smart thermostat."""

    LIVING_ROOM = "living_room"
    BEDROOM = "bedroom"
    KITCHEN = "kitchen"


def set_thermostat(room: Room, temperature: float) -> str:
    """Set the target temperature of a room's thermostat, in degrees Celsius.

    Args:
        room: The room to heat or cool.
        temperature: Target temperature in degrees Celsius.
    """
    return f"{room.value} thermostat set to {temperature:g} °C"


@tool(requires_approval=True)
def send_email(to: str, subject: str, body: str = "") -> str:
    """Send an email on the user's behalf.

    Args:
        to: Recipient's email address.
        subject: Subject line.
        body: Text of the message.
    """
    return f"email to {to} queued ({len(body)} characters)"
