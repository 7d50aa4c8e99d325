/** @deprecated moved to utils/time; kept until services/ is moved */
export { dateIn as localDate, zonedInstant } from '../time';
