// the rule lives in the platform contract, where oversight counts handling time with it too
export { WorkingCalendar } from '../../../../schema/time/working-calendar';
