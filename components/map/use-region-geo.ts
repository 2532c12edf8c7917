'use client';
// The basemap data, fetched once per session (it never changes while the app runs).
import { useQuery } from '@tanstack/react-query';
import { regionQuery } from '@/lib/api/queries';
import { readDistricts, readOutline, type DistrictCollection, type OutlineCollection } from './region-geo';

export function useDistricts(): DistrictCollection | null {
  const { data } = useQuery({ ...regionQuery('districts'), select: readDistricts });
  return data ?? null;
}

export function useOutline(): OutlineCollection | null {
  const { data } = useQuery({ ...regionQuery('outline'), select: readOutline });
  return data ?? null;
}
