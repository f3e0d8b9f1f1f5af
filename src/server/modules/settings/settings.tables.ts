// Table type of per-district settings (JSON values with defaults in settings.rules.ts).

export interface DistrictSettingTable {
  district_id: string;
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface DistrictCounterTable {
  district_id: string;
  name: string;
  value: number;
}

export interface SettingsTables {
  district_settings: DistrictSettingTable;
  district_counters: DistrictCounterTable;
}
