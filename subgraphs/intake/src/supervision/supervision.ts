import { registerEnumType } from 'type-graphql';

/** How closely the centre follows a ticket; each level brings its own, tighter time limit. */
export enum Supervision {
  NONE = 'NONE',
  SUPERVISED = 'SUPERVISED',
  LEADER_INSTRUCTION = 'LEADER_INSTRUCTION',
}
registerEnumType(Supervision, {
  name: 'Supervision',
  valuesConfig: {
    NONE: { description: 'ordinary handling' },
    SUPERVISED: { description: '督办: the centre supervises it' },
    LEADER_INSTRUCTION: { description: '领导批示件: a leader instructed it' },
  },
});

/** Working days a department gets once a ticket is supervised; real centres halve or cut the ordinary limit. */
export const SUPERVISION_LIMIT_DAYS: Record<Supervision, number | null> = {
  [Supervision.NONE]: null,
  [Supervision.SUPERVISED]: 3,
  [Supervision.LEADER_INSTRUCTION]: 2,
};
