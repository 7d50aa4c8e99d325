import { ianaZoneFor, isIanaZone, weekKeyForStart } from '../../../../utils/rotation';
import { parseLooseDate } from '../../../../utils/rotation/sources/loose-date';
import { WINDOWS_ZONES } from '../../../../utils/rotation/zones';

describe('dates as people write them (parseLooseDate)', () => {
  it.each([
    ['2012-02-13', '2012-02-13'],
    ['13-Feb-2012', '2012-02-13'],
    ['13 Feb 2012', '2012-02-13'],
    ['13-Feb-12', '2012-02-13'],
    ['2012/2/13', '2012-02-13'],
    ['Feb 13, 2012', '2012-02-13'],
    ['February 13th, 2012', '2012-02-13'],
    ['Monday, 13 February 2012', '2012-02-13'],
    ['13-Feb-2012 - 17-Feb-2012', '2012-02-13'],
    ['31-Feb-2012', null],
    ['13-Fbr-2012', null],
    ['week 7', null],
    ['', null],
  ])('parseLooseDate(%s) = %s', (text, expected) => {
    expect(parseLooseDate(text)).toBe(expected);
  });

  it('a week given from a weekend belongs to the next Monday', () => {
    expect(weekKeyForStart('2012-02-19')).toBe('2012-02-20');
    expect(weekKeyForStart('2012-02-18')).toBe('2012-02-20');
    expect(weekKeyForStart('2012-02-17')).toBe('2012-02-13');
  });
});

describe('time-zone names', () => {
  it('every Windows mapping points at a zone this runtime knows', () => {
    const unknown = Object.values(WINDOWS_ZONES).filter((z) => !isIanaZone(z));
    expect(unknown).toEqual([]);
  });

  it.each([
    ['Central Standard Time', 'America/Chicago'],
    ['central standard time', 'America/Chicago'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['"Eastern Standard Time"', 'America/New_York'],
    ['America/Chicago', 'America/Chicago'],
    ['/mozilla.org/20050126_1/America/New_York', 'America/New_York'],
    ['/citadel.org/20190914_1/Europe/Paris', 'Europe/Paris'],
    ['(UTC-06:00) Central Time (US & Canada)', 'America/Chicago'],
    ['(GMT-05:00) Eastern Time (US & Canada)', 'America/New_York'],
    ['UTC', 'Etc/UTC'],
    ['Customized Time Zone', null],
    ['Mars/Olympus_Mons', null],
  ])('%s → %s', (tzid, zone) => {
    expect(ianaZoneFor(tzid)).toBe(zone);
  });
});
