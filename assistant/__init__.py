"""Smart-city self-assessment assistant built on JICA's Smart City Approach."""

__version__ = "0.1.0"
