/** @deprecated moved to utils/time; kept until the options RotationSection import change is committed */
export { isIsoDate } from '../time';
