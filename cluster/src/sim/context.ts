// What every part of the simulation shares: the store, time, randomness, events and logs.
import type { ResourceTypes } from '../api/resource-types';
import type { Store } from '../store/store';
import type { Clock } from './clock';
import type { EventRecorder } from './events';
import type { LogStore } from './log-store';
import type { Random } from './random';

export interface SimContext {
  store: Store;
  clock: Clock;
  random: Random;
  events: EventRecorder;
  logs: LogStore;
  types: ResourceTypes;
}
