package uk.patrolcast.launcher.bench;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * English-looking invented names for local authorities, wards and streets, built from common
 * place-name parts. None contains a comma or a double quote, so CSV fields never need quoting.
 */
final class PlaceNames {
  private static final String[] STEMS = {
    "Ash", "Ald", "Bar", "Bel", "Bex", "Brad", "Bram", "Brook", "Bur", "Cal", "Carl", "Chal", "Ched", "Chester", "Clay",
    "Cold", "Cran", "Dal", "Dun", "East", "Eden", "Elm", "Fair", "Farn", "Fen", "Gal", "Glen", "Gold", "Graves", "Hal",
    "Ham", "Hart", "Hazel", "Hol", "Kel", "Kings", "Kirk", "Lang", "Lea", "Lind", "Long", "Maid", "Mar", "Mel", "Mill",
    "Nor", "Oak", "Orm", "Pen", "Pres", "Queens", "Rad", "Red", "Roch", "Ros", "Salt", "Sand", "Shel", "Stan", "Stock",
    "Sud", "Sut", "Thorn", "Tod", "Wal", "Ware", "Wes", "Whit", "Wil", "Win", "Wood", "Wor", "Wyn", "Yar"};
  private static final String[] ENDINGS = {
    "bury", "by", "caster", "combe", "dale", "den", "don", "field", "ford", "gate", "ham", "hampton", "hill", "hurst",
    "ington", "ley", "mere", "minster", "mouth", "ness", "sey", "stead", "stoke", "thorpe", "ton", "wick", "well", "worth"};
  private static final String[] QUALIFIERS = {"North", "South", "East", "West", "Upper", "Lower", "Great", "Little", "Central", "Old"};
  private static final String[] WARD_FEATURES = {
    "Abbey", "Castle", "Park", "Green", "Heath", "Common", "Vale", "Village", "Riverside", "Hill", "Marsh", "Fields", "Bridge",
    "Moor", "Priory", "Harbour", "Forest", "Meadows", "Grange", "Cross"};
  private static final String[] SAINTS = {"St Mary's", "St John's", "St Peter's", "St Andrew's", "St Michael's", "St Paul's",
    "St George's", "St Margaret's", "St Luke's", "St James's"};
  private static final String[] STREET_WORDS = {
    "Church", "Mill", "Station", "Park", "High", "Victoria", "Albert", "Queen", "King", "George", "Manor", "Grove", "Oak",
    "Beech", "Cedar", "Elm", "Willow", "Chestnut", "Holly", "Rose", "Orchard", "Meadow", "Spring", "Brook", "River",
    "Bridge", "Castle", "Abbey", "Chapel", "School", "Market", "New", "Old", "North", "South", "East", "West", "Green",
    "Hill", "Vale", "Windsor", "York", "Clarence", "Cambridge", "Oxford", "Stanley", "Salisbury", "Wellington", "Nelson",
    "Richmond", "Devonshire", "Grosvenor", "Highfield", "Westfield", "Fairfield", "Springfield", "Kingsway", "Lime",
    "Ash", "Poplar", "Hawthorn", "Laurel", "Sycamore", "Rowan", "Birch", "Heather", "Primrose", "Lavender", "Juniper",
    "Farm", "Forge", "Quarry", "Wharf", "Canal", "Common", "Heath", "Moor", "Priory", "Rectory", "Vicarage", "Hall",
    "Garden", "Woodland", "Coppice", "Paddock", "Stable", "Tannery", "Foundry", "Railway", "Harbour", "Mariners", "Bell",
    "Crown", "Anchor", "Swan", "Lion", "Falcon", "Kestrel", "Lark", "Wren", "Linden", "Maple", "Alder", "Hazel", "Elder"};
  private static final String[] STREET_KINDS = {
    "Road", "Street", "Lane", "Close", "Avenue", "Gardens", "Way", "Drive", "Crescent", "Grove", "Place", "Court", "Mews",
    "Terrace", "Walk", "Rise", "View", "Row", "Square", "Hill", "Park", "Green", "Mead", "Croft", "End"};

  private PlaceNames() {}

  /** A new place name not in {@code used} (which it joins). */
  static String lad(SplittableRandom rng, Set<String> used) {
    for (int attempt = 0; ; attempt++) {
      String base = pick(rng, STEMS) + pick(rng, ENDINGS);
      String name = switch (attempt < 50 ? rng.nextInt(6) : 6) {
        case 0 -> pick(rng, QUALIFIERS) + " " + base;
        case 1 -> base + " and " + pick(rng, STEMS) + pick(rng, ENDINGS);
        case 6 -> base + " " + (attempt - 49);
        default -> base;
      };
      if (used.add(name)) {
        return name;
      }
    }
  }

  /** A ward name unique within its authority; the same name may recur elsewhere, as real ward names do. */
  static String ward(SplittableRandom rng, String ladName, Set<String> usedInLad) {
    for (int attempt = 0; ; attempt++) {
      String place = pick(rng, STEMS) + pick(rng, ENDINGS);
      String name = switch (attempt < 50 ? rng.nextInt(8) : 8) {
        case 0 -> place + " " + pick(rng, QUALIFIERS);
        case 1 -> pick(rng, SAINTS);
        case 2 -> place + " " + pick(rng, WARD_FEATURES);
        case 3 -> pick(rng, WARD_FEATURES);
        case 4 -> place + " and " + pick(rng, STEMS) + pick(rng, ENDINGS);
        case 8 -> ladName.split(" ")[0] + " " + (attempt - 49);
        default -> place;
      };
      if (usedInLad.add(name)) {
        return name;
      }
    }
  }

  /** A street name unique within its LSOA. */
  static String street(SplittableRandom rng, Set<String> usedInArea) {
    for (int attempt = 0; ; attempt++) {
      String name = pick(rng, STREET_WORDS) + " " + pick(rng, STREET_KINDS);
      if (usedInArea.add(name) || attempt > 100) {
        return name;
      }
    }
  }

  private static String pick(SplittableRandom rng, String[] from) {
    return from[rng.nextInt(from.length)];
  }
}
