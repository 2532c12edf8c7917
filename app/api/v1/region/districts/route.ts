// GET /api/v1/region/districts: district polygons for the offline basemap. Public boundary data,
// but still behind a session like the rest of the dashboard.
import { officerRoute } from '@/lib/server/officer-route';
import { getDistrictGeoJson } from '@/lib/region/load-pack';
import { regionJson } from '@/lib/server/queries/region';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute({}, async (req) => regionJson(req, getDistrictGeoJson()));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
