"""Map projections, degrees → plane (kilometres, y pointing north).

The region uses an Albers equal-area conic fitted to Central Asia (areas compare truly, the
shapes of Kazakhstan and Kyrgyzstan stay familiar); the world uses the Equal Earth projection.
"""

from __future__ import annotations

import math
from typing import Protocol

EARTH_KM = 6371.0


class Projection(Protocol):
    def __call__(self, lon: float, lat: float) -> tuple[float, float]: ...


class Albers:
    """Albers equal-area conic on the sphere, with standard parallels `lat1` and `lat2`."""

    def __init__(self, lon0: float, lat0: float, lat1: float, lat2: float) -> None:
        phi1, phi2 = math.radians(lat1), math.radians(lat2)
        self.lon0 = lon0
        self.n = (math.sin(phi1) + math.sin(phi2)) / 2
        self.c = math.cos(phi1) ** 2 + 2 * self.n * math.sin(phi1)
        self.rho0 = self._rho(lat0)

    def _rho(self, lat: float) -> float:
        return math.sqrt(self.c - 2 * self.n * math.sin(math.radians(lat))) / self.n

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        rho, theta = self._rho(lat), self.n * math.radians(lon - self.lon0)
        return EARTH_KM * rho * math.sin(theta), EARTH_KM * (self.rho0 - rho * math.cos(theta))


class EqualEarth:
    """Equal Earth (Šavrič, Patterson and Jenny, 2018), centred on `lon0`."""

    A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
    M = math.sqrt(3) / 2

    def __init__(self, lon0: float = 0.0) -> None:
        self.lon0 = lon0

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        a1, a2, a3, a4 = self.A1, self.A2, self.A3, self.A4
        theta = math.asin(self.M * math.sin(math.radians(lat)))
        t2 = theta * theta
        t6 = t2 * t2 * t2
        lam = math.radians(lon - self.lon0)
        x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
        y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
        return EARTH_KM * x, EARTH_KM * y
