// GET /api/v1/region/outline: city and oblast outlines for the offline basemap.
import { officerRoute } from '@/lib/server/officer-route';
import { getRegionOutlineGeoJson } from '@/lib/region/load-pack';
import { regionJson } from '@/lib/server/queries/region';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute({}, async (req) => regionJson(req, getRegionOutlineGeoJson()));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
