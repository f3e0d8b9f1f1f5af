// Table types of the domain-event outbox and of its consumers' bookkeeping.

export interface DomainEventTable {
  district_id: string;
  id: string;
  /** e.g. "service_record.accepted". */
  type: string;
  /** The id of the thing the event is about; (type, ref_id) is unique, so an event is emitted once. */
  ref_id: string;
  /** JSON text. */
  payload: string;
  created_at: string;
}

/** One row per event a consumer handled, written in the handling transaction (the truth of "done"). */
export interface EventConsumptionTable {
  district_id: string;
  consumer: string;
  event_id: string;
  consumed_at: string;
}

/** Per consumer: every event with an id at or below low_water was handled (an optimisation only). */
export interface EventWatermarkTable {
  consumer: string;
  low_water: string;
  updated_at: string;
}

export interface EventTables {
  domain_events: DomainEventTable;
  event_consumptions: EventConsumptionTable;
  event_watermarks: EventWatermarkTable;
}
