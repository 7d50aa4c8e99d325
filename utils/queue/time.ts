/** @deprecated moved to utils/time; kept until services/ is moved */
export { dateIn as localDate } from '../time';
export { zonedInstant } from '../time/instant';
