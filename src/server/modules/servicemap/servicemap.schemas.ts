// Request and response schemas of the service map. Services take the z.output types; clients send the z.input types.
// Coordinates travel in the system named by `coord` (wgs84 by default; gcj02 from 高德/腾讯/WeChat) and are
// converted at the edge: the service stores and searches WGS-84 only.
import { z } from 'zod';
import { COORD_SYSTEMS } from '../../platform/geo.js';
import { countedPageOf, cursorSchema, limitSchema, nameSchema } from '../../platform/schemas.js';
import { INTERVAL_RE, SERVICE_POINT_CATEGORIES, SERVICE_POINT_STATES, WEEKDAYS } from './servicemap.rules.js';

export const districtParams = z.object({ districtId: z.string().min(1).max(64) });
export const pointParams = districtParams.extend({ id: z.string().min(1).max(64) });

const coord = z.enum(COORD_SYSTEMS).default('wgs84').describe('coordinate system of lat/lng given and returned');
const lat = z.number({ message: 'v.lat' }).min(-90, { message: 'v.lat' }).max(90, { message: 'v.lat' });
const lng = z.number({ message: 'v.lng' }).min(-180, { message: 'v.lng' }).max(180, { message: 'v.lng' });
const latQuery = z.coerce.number({ message: 'v.lat' }).min(-90, { message: 'v.lat' }).max(90, { message: 'v.lat' });
const lngQuery = z.coerce.number({ message: 'v.lng' }).min(-180, { message: 'v.lng' }).max(180, { message: 'v.lng' });

const interval = z.string().regex(INTERVAL_RE, { message: 'v.hours' });
const day = z.array(interval).max(4);
export const weeklyHoursSchema = z
  .object(Object.fromEntries(WEEKDAYS.map((d) => [d, day])) as Record<(typeof WEEKDAYS)[number], typeof day>)
  .describe(
    'WeeklyHours: per weekday, intervals "HH:MM-HH:MM" in China time (an end before the start runs past midnight)',
  );

/** A business number: digits with -, spaces or brackets (0711-3201234, 12345, 13800000000). */
const businessPhone = z
  .string()
  .trim()
  .regex(/^[0-9+][0-9\- ()]{2,19}$/, { message: 'v.businessPhone' });

// ------------------------------------------------------------------------------------------------ responses

// Replies are checked against these schemas on the way out (every item of a 50-point page); the hours were
// validated when written, so the reply's shape is checked without the interval pattern.
const dayOut = z.array(z.string());
const weeklyHoursOut = z
  .object(Object.fromEntries(WEEKDAYS.map((d) => [d, dayOut])) as Record<(typeof WEEKDAYS)[number], typeof dayOut>)
  .describe('WeeklyHours');

export const servicePointSchema = z
  .object({
    id: z.string(),
    districtId: z.string(),
    communityId: z.string(),
    communityName: z.string(),
    name: z.string(),
    category: z.enum(SERVICE_POINT_CATEGORIES),
    address: z.string(),
    hours: weeklyHoursOut,
    hoursNote: z.string().nullable(),
    openNow: z.boolean().nullable().describe('by the weekly hours in China time; null when no hours are given'),
    contactPhone: z.string().nullable(),
    description: z.string(),
    lat: z.number(),
    lng: z.number(),
    coord: z.enum(COORD_SYSTEMS),
    status: z.enum(SERVICE_POINT_STATES),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe('ServicePoint');

export const nearbyPointSchema = servicePointSchema
  .extend({
    distanceMetres: z.number().int().describe('straight-line distance'),
    walkingMinutes: z.number().int().describe('at 1,000 m per 15 minutes'),
  })
  .describe('NearbyServicePoint');

export const nearbySchema = z.object({
  centre: z.object({ lat: z.number(), lng: z.number() }),
  coord: z.enum(COORD_SYSTEMS),
  radius: z.number().int(),
  items: z.array(nearbyPointSchema),
});

export const servicePointPage = countedPageOf(servicePointSchema);

export const mapConfigSchema = z
  .object({
    tileUrl: z.string().nullable().describe('raster tile template with {x} {y} {z} ({s} a subdomain); null = no tiles'),
    tileSubdomains: z.string(),
    tileCoord: z.enum(COORD_SYSTEMS).describe('the system the tiles are drawn in (gcj02 for 高德/腾讯 tiles)'),
    tileAttribution: z.string().nullable(),
    tileMaxZoom: z.number().int(),
    centre: z
      .object({
        lat: z.number(),
        lng: z.number(),
        coord: z.enum(COORD_SYSTEMS),
        source: z.enum(['community', 'configured', 'district']),
        name: z.string().nullable(),
      })
      .nullable()
      .describe("where the map starts when the browser gives no position: the community's own centre first"),
  })
  .describe('ServiceMapConfig');

// ------------------------------------------------------------------------------------------------ requests

export const createServicePointBody = z.object({
  communityId: z.string().min(1).max(64),
  name: nameSchema(40),
  category: z.enum(SERVICE_POINT_CATEGORIES),
  address: nameSchema(100),
  hours: weeklyHoursSchema.optional(),
  hoursNote: z.string().trim().max(100).nullable().optional(),
  contactPhone: businessPhone.nullable().optional(),
  description: z.string().trim().max(500).optional(),
  lat,
  lng,
  coord,
});
export type CreateServicePointBody = z.input<typeof createServicePointBody>;
export type CreateServicePoint = z.output<typeof createServicePointBody>;

export const updateServicePointBody = z
  .object({
    name: nameSchema(40),
    category: z.enum(SERVICE_POINT_CATEGORIES),
    address: nameSchema(100),
    hours: weeklyHoursSchema,
    hoursNote: z.string().trim().max(100).nullable(),
    contactPhone: businessPhone.nullable(),
    description: z.string().trim().max(500),
    lat,
    lng,
  })
  .partial()
  .extend({ coord })
  .refine((b) => (b.lat === undefined) === (b.lng === undefined), { message: 'v.latLngPair', path: ['lng'] });
export type UpdateServicePointBody = z.input<typeof updateServicePointBody>;
export type UpdateServicePoint = z.output<typeof updateServicePointBody>;

export const archiveServicePointBody = z.object({ archived: z.boolean() });
export type ArchiveServicePointBody = z.input<typeof archiveServicePointBody>;
export type ArchiveServicePoint = z.output<typeof archiveServicePointBody>;

export const listServicePointsQuery = z.object({
  category: z.enum(SERVICE_POINT_CATEGORIES).optional(),
  communityId: z.string().max(64).optional(),
  q: z.string().trim().max(30).optional(),
  status: z.enum(SERVICE_POINT_STATES).optional().describe('staff: archived points in their scope'),
  coord,
  cursor: cursorSchema,
  limit: limitSchema(50, 200),
});
export type ListServicePointsQuery = z.input<typeof listServicePointsQuery>;
export type ListServicePoints = z.output<typeof listServicePointsQuery>;

/** 5 km at most: a walking map, not a city search. */
export const MAX_RADIUS = 5000;

export const nearbyQuery = z.object({
  lat: latQuery,
  lng: lngQuery,
  coord,
  radius: z.coerce.number().int().min(50).max(MAX_RADIUS).default(1000).describe('metres; 1,000 m ≈ 15 minutes'),
  category: z.enum(SERVICE_POINT_CATEGORIES).optional(),
  limit: limitSchema(50, 200),
});
export type NearbyQuery = z.input<typeof nearbyQuery>;
export type Nearby = z.output<typeof nearbyQuery>;

export const mapConfigQuery = z.object({
  communityId: z.string().max(64).optional(),
  coord,
});
export type MapConfigQuery = z.input<typeof mapConfigQuery>;
export type MapConfig = z.output<typeof mapConfigQuery>;

export const pointQuery = z.object({ coord });
