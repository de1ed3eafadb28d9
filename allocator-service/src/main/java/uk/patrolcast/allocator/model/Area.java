package uk.patrolcast.allocator.model;

/**
 * One LSOA as the allocation model sees it: where it sits (ward inside borough), how large it is
 * (the maximum scales with area) and how many people live there (the ward floors follow population).
 */
public record Area(String lsoa21cd, String wardCode, String wardName, String boroughCode, double areaKm2, int population) {}
