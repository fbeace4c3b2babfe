"""Every date form the layouts use, in the site's time zone with daylight saving right."""

from zoneinfo import ZoneInfo

import pytest

from wirearchive.dispatch import dates

ZURICH = ZoneInfo("Europe/Zurich")


@pytest.mark.parametrize(
    "line, expected",
    [
        ("1.2.2026 - 05:50", "2026-02-01T05:50:00+01:00"),
        ("14.3.2026 - 09:12", "2026-03-14T09:12:00+01:00"),
        ("01.02.2026, 05:50", "2026-02-01T05:50:00+01:00"),
        ("29.10.2025 - 17:45", "2025-10-29T17:45:00+01:00"),  # after the switch to winter time
        ("25.10.2025, 17:45", "2025-10-25T17:45:00+02:00"),  # before it
        ("30.3.2025 - 03:30", "2025-03-30T03:30:00+02:00"),  # the morning summer time starts
    ],
)
def test_web_copy_timestamps(line, expected):
    assert dates.parse_timestamp(line, ZURICH).isoformat() == expected


@pytest.mark.parametrize(
    "line", ["32.1.2026 - 05:50", "1.13.2026 - 05:50", "1.2.2026 - 25:00", "1.2.2026 05:50"]
)
def test_impossible_timestamps_are_not_dates(line):
    assert dates.parse_timestamp(line, ZURICH) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1er février 2026", "2026-02-01"),
        ("3 juin 2025", "2025-06-03"),
        ("10 juil 2024", "2024-07-10"),
        ("1. Februar 2026", "2026-02-01"),
        ("12. März 2025", "2025-03-12"),
        ("February 1, 2026", "2026-02-01"),
        ("June 3, 2025", "2025-06-03"),
        ("1 February 2026", "2026-02-01"),
        ("Sept. 9, 2025", "2025-09-09"),
    ],
)
def test_full_dates_in_three_languages(text, expected):
    assert dates.parse_full_date(text, ZURICH).date().isoformat() == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Feb 1", "2026-02-01"),
        ("Oct. 6", "2026-10-06"),
        ("1er février", "2026-02-01"),
        ("6 Okt", "2026-10-06"),
    ],
)
def test_dateline_dates_without_year(text, expected):
    assert dates.parse_partial_date(text, 2026, ZURICH).date().isoformat() == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-02-01", "2026-02-01T00:00:00+01:00"),
        ("2026-07-01T09:12", "2026-07-01T09:12:00+02:00"),
        ("2026-07-01T07:12:00Z", "2026-07-01T09:12:00+02:00"),
        ("2026-02-01T05:50:00+01:00", "2026-02-01T05:50:00+01:00"),
    ],
)
def test_iso_dates_land_in_the_site_zone(value, expected):
    assert dates.parse_iso(value, ZURICH).isoformat() == expected


@pytest.mark.parametrize(
    "trailer, expected",
    [
        ("091223 dec 18", "2018-12-09T12:23:00+01:00"),  # IPTC 7901, local time
        ("212322 GMT Nov 18", "2018-11-22T00:22:00+01:00"),  # GMT, past midnight in Zurich
        ("101137 GMT Dez 18", "2018-12-10T12:37:00+01:00"),  # German month abbreviation
        ("AP-WF-05-09-17 0056GMT", "2017-05-09T02:56:00+02:00"),  # ANPA 1312
    ],
)
def test_wire_filing_times(trailer, expected):
    assert dates.parse_wire_trailer(trailer, ZURICH).isoformat() == expected


def test_other_time_zones_are_honoured():
    tokyo = dates.zone("Asia/Tokyo")
    assert (
        dates.parse_timestamp("1.2.2026 - 05:50", tokyo).isoformat() == "2026-02-01T05:50:00+09:00"
    )


def test_unknown_zone_is_an_error_naming_it():
    with pytest.raises(ValueError, match="Mars/Olympus"):
        dates.zone("Mars/Olympus")
