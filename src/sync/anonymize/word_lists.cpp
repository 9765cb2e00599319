// The word lists of `name` and `address`: common given names and surnames, and invented street
// and town names. Plain ASCII, so every output fits any encoding and any char(n) count.
#include "sync/anonymize/word_lists.hpp"

namespace confiture::sync::anonymize {

namespace {

using namespace std::string_view_literals;

constexpr std::string_view kFirstNames[] = {
    "James"sv,   "Mary"sv,      "Robert"sv,      "Patricia"sv,   "John"sv,     "Jennifer"sv,
    "Michael"sv, "Linda"sv,     "David"sv,       "Elizabeth"sv,  "William"sv,  "Barbara"sv,
    "Richard"sv, "Susan"sv,     "Joseph"sv,      "Jessica"sv,    "Thomas"sv,   "Sarah"sv,
    "Charles"sv, "Karen"sv,     "Christopher"sv, "Lisa"sv,       "Daniel"sv,   "Nancy"sv,
    "Matthew"sv, "Betty"sv,     "Anthony"sv,     "Margaret"sv,   "Mark"sv,     "Sandra"sv,
    "Donald"sv,  "Ashley"sv,    "Steven"sv,      "Kimberly"sv,   "Paul"sv,     "Emily"sv,
    "Andrew"sv,  "Donna"sv,     "Joshua"sv,      "Michelle"sv,   "Kenneth"sv,  "Carol"sv,
    "Kevin"sv,   "Amanda"sv,    "Brian"sv,       "Dorothy"sv,    "George"sv,   "Melissa"sv,
    "Timothy"sv, "Deborah"sv,   "Ronald"sv,      "Stephanie"sv,  "Edward"sv,   "Rebecca"sv,
    "Jason"sv,   "Sharon"sv,    "Jeffrey"sv,     "Laura"sv,      "Ryan"sv,     "Cynthia"sv,
    "Jacob"sv,   "Kathleen"sv,  "Gary"sv,        "Amy"sv,        "Nicholas"sv, "Angela"sv,
    "Eric"sv,    "Shirley"sv,   "Jonathan"sv,    "Anna"sv,       "Stephen"sv,  "Brenda"sv,
    "Larry"sv,   "Pamela"sv,    "Justin"sv,      "Emma"sv,       "Scott"sv,    "Nicole"sv,
    "Brandon"sv, "Helen"sv,     "Benjamin"sv,    "Samantha"sv,   "Samuel"sv,   "Katherine"sv,
    "Gregory"sv, "Christine"sv, "Alexander"sv,   "Debra"sv,      "Frank"sv,    "Rachel"sv,
    "Patrick"sv, "Carolyn"sv,   "Raymond"sv,     "Janet"sv,      "Jack"sv,     "Catherine"sv,
    "Dennis"sv,  "Maria"sv,     "Jerry"sv,       "Heather"sv,    "Tyler"sv,    "Diane"sv,
    "Aaron"sv,   "Ruth"sv,      "Jose"sv,        "Julie"sv,      "Adam"sv,     "Olivia"sv,
    "Nathan"sv,  "Joyce"sv,     "Henry"sv,       "Virginia"sv,   "Douglas"sv,  "Victoria"sv,
    "Zachary"sv, "Kelly"sv,     "Peter"sv,       "Lauren"sv,     "Kyle"sv,     "Christina"sv,
    "Ethan"sv,   "Joan"sv,      "Walter"sv,      "Evelyn"sv,     "Noah"sv,     "Judith"sv,
    "Jeremy"sv,  "Megan"sv,     "Christian"sv,   "Andrea"sv,     "Keith"sv,    "Cheryl"sv,
    "Roger"sv,   "Hannah"sv,    "Terry"sv,       "Jacqueline"sv, "Gerald"sv,   "Martha"sv,
    "Harold"sv,  "Gloria"sv,    "Sean"sv,        "Teresa"sv,     "Austin"sv,   "Ann"sv,
    "Carl"sv,    "Sara"sv,      "Arthur"sv,      "Madison"sv,    "Lawrence"sv, "Frances"sv,
    "Dylan"sv,   "Kathryn"sv,   "Jesse"sv,       "Janice"sv,     "Jordan"sv,   "Jean"sv,
    "Bryan"sv,   "Abigail"sv,   "Billy"sv,       "Alice"sv,      "Joe"sv,      "Julia"sv,
    "Bruce"sv,   "Judy"sv,      "Gabriel"sv,     "Sophia"sv,     "Logan"sv,    "Grace"sv,
    "Albert"sv,  "Denise"sv,    "Willie"sv,      "Amber"sv,      "Alan"sv,     "Doris"sv,
    "Juan"sv,    "Marilyn"sv,   "Wayne"sv,       "Danielle"sv,   "Elijah"sv,   "Beverly"sv,
    "Randy"sv,   "Isabella"sv,  "Roy"sv,         "Theresa"sv,    "Vincent"sv,  "Diana"sv,
    "Ralph"sv,   "Natalie"sv,   "Eugene"sv,      "Brittany"sv,   "Russell"sv,  "Charlotte"sv,
    "Bobby"sv,   "Marie"sv,     "Mason"sv,       "Kayla"sv,      "Philip"sv,   "Alexis"sv,
    "Louis"sv,   "Lori"sv,
};

constexpr std::string_view kLastNames[] = {
    "Smith"sv,      "Johnson"sv,    "Williams"sv,  "Brown"sv,     "Jones"sv,     "Garcia"sv,
    "Miller"sv,     "Davis"sv,      "Rodriguez"sv, "Martinez"sv,  "Hernandez"sv, "Lopez"sv,
    "Gonzalez"sv,   "Wilson"sv,     "Anderson"sv,  "Thomas"sv,    "Taylor"sv,    "Moore"sv,
    "Jackson"sv,    "Martin"sv,     "Lee"sv,       "Perez"sv,     "Thompson"sv,  "White"sv,
    "Harris"sv,     "Sanchez"sv,    "Clark"sv,     "Ramirez"sv,   "Lewis"sv,     "Robinson"sv,
    "Walker"sv,     "Young"sv,      "Allen"sv,     "King"sv,      "Wright"sv,    "Scott"sv,
    "Torres"sv,     "Nguyen"sv,     "Hill"sv,      "Flores"sv,    "Green"sv,     "Adams"sv,
    "Nelson"sv,     "Baker"sv,      "Hall"sv,      "Rivera"sv,    "Campbell"sv,  "Mitchell"sv,
    "Carter"sv,     "Roberts"sv,    "Gomez"sv,     "Phillips"sv,  "Evans"sv,     "Turner"sv,
    "Diaz"sv,       "Parker"sv,     "Cruz"sv,      "Edwards"sv,   "Collins"sv,   "Reyes"sv,
    "Stewart"sv,    "Morris"sv,     "Morales"sv,   "Murphy"sv,    "Cook"sv,      "Rogers"sv,
    "Gutierrez"sv,  "Ortiz"sv,      "Morgan"sv,    "Cooper"sv,    "Peterson"sv,  "Bailey"sv,
    "Reed"sv,       "Kelly"sv,      "Howard"sv,    "Ramos"sv,     "Kim"sv,       "Cox"sv,
    "Ward"sv,       "Richardson"sv, "Watson"sv,    "Brooks"sv,    "Chavez"sv,    "Wood"sv,
    "James"sv,      "Bennett"sv,    "Gray"sv,      "Mendoza"sv,   "Ruiz"sv,      "Hughes"sv,
    "Price"sv,      "Alvarez"sv,    "Castillo"sv,  "Sanders"sv,   "Patel"sv,     "Myers"sv,
    "Long"sv,       "Ross"sv,       "Foster"sv,    "Jimenez"sv,   "Powell"sv,    "Jenkins"sv,
    "Perry"sv,      "Russell"sv,    "Sullivan"sv,  "Bell"sv,      "Coleman"sv,   "Butler"sv,
    "Henderson"sv,  "Barnes"sv,     "Gonzales"sv,  "Fisher"sv,    "Vasquez"sv,   "Simmons"sv,
    "Romero"sv,     "Jordan"sv,     "Patterson"sv, "Alexander"sv, "Hamilton"sv,  "Graham"sv,
    "Reynolds"sv,   "Griffin"sv,    "Wallace"sv,   "Moreno"sv,    "West"sv,      "Cole"sv,
    "Hayes"sv,      "Bryant"sv,     "Herrera"sv,   "Gibson"sv,    "Ellis"sv,     "Tran"sv,
    "Medina"sv,     "Aguilar"sv,    "Stevens"sv,   "Murray"sv,    "Ford"sv,      "Castro"sv,
    "Marshall"sv,   "Owens"sv,      "Harrison"sv,  "Fernandez"sv, "McDonald"sv,  "Woods"sv,
    "Washington"sv, "Kennedy"sv,    "Wells"sv,     "Vargas"sv,    "Henry"sv,     "Chen"sv,
    "Freeman"sv,    "Webb"sv,       "Tucker"sv,    "Guzman"sv,    "Burns"sv,     "Crawford"sv,
    "Olson"sv,      "Simpson"sv,    "Porter"sv,    "Hunter"sv,    "Gordon"sv,    "Mendez"sv,
    "Silva"sv,      "Shaw"sv,       "Snyder"sv,    "Mason"sv,     "Dixon"sv,     "Munoz"sv,
    "Hunt"sv,       "Hicks"sv,      "Holmes"sv,    "Palmer"sv,    "Wagner"sv,    "Black"sv,
    "Robertson"sv,  "Boyd"sv,       "Rose"sv,      "Stone"sv,     "Salazar"sv,   "Fox"sv,
    "Warren"sv,     "Mills"sv,      "Meyer"sv,     "Rice"sv,      "Schmidt"sv,   "Garza"sv,
    "Daniels"sv,    "Ferguson"sv,   "Nichols"sv,   "Stephens"sv,  "Soto"sv,      "Weaver"sv,
    "Ryan"sv,       "Gardner"sv,    "Payne"sv,     "Grant"sv,     "Dunn"sv,      "Kelley"sv,
    "Spencer"sv,    "Hawkins"sv,    "Arnold"sv,    "Pierce"sv,    "Vazquez"sv,   "Hansen"sv,
    "Peters"sv,     "Santos"sv,     "Hart"sv,      "Bradley"sv,   "Knight"sv,    "Elliott"sv,
    "Cunningham"sv, "Duncan"sv,     "Armstrong"sv, "Hudson"sv,    "Carroll"sv,   "Lane"sv,
    "Riley"sv,      "Andrews"sv,    "Alvarado"sv,  "Ray"sv,       "Delgado"sv,   "Berry"sv,
    "Perkins"sv,    "Hoffman"sv,    "Johnston"sv,  "Matthews"sv,  "Pena"sv,      "Richards"sv,
    "Willis"sv,     "Carpenter"sv,  "Lawrence"sv,  "Sandoval"sv,
};

constexpr std::string_view kStreetNames[] = {
    "Maple"sv,     "Oak"sv,      "Pine"sv,     "Cedar"sv,    "Elm"sv,       "Birch"sv,
    "Willow"sv,    "Walnut"sv,   "Chestnut"sv, "Spruce"sv,   "Hickory"sv,   "Aspen"sv,
    "Sycamore"sv,  "Magnolia"sv, "Juniper"sv,  "Laurel"sv,   "Poplar"sv,    "Cherry"sv,
    "Hawthorn"sv,  "Alder"sv,    "Cypress"sv,  "Holly"sv,    "Linden"sv,    "Redwood"sv,
    "Sequoia"sv,   "Mulberry"sv, "Hazel"sv,    "Ivy"sv,      "Meadow"sv,    "Ridge"sv,
    "Valley"sv,    "River"sv,    "Lake"sv,     "Hill"sv,     "Forest"sv,    "Spring"sv,
    "Brook"sv,     "Harbor"sv,   "Sunset"sv,   "Sunrise"sv,  "Highland"sv,  "Prairie"sv,
    "Orchard"sv,   "Garden"sv,   "Park"sv,     "Church"sv,   "Mill"sv,      "School"sv,
    "Bridge"sv,    "Market"sv,   "Union"sv,    "Liberty"sv,  "Franklin"sv,  "Lincoln"sv,
    "Jefferson"sv, "Madison"sv,  "Monroe"sv,   "Jackson"sv,  "Adams"sv,     "Washington"sv,
    "Grant"sv,     "Center"sv,   "Main"sv,     "High"sv,     "Water"sv,     "Railroad"sv,
    "Canal"sv,     "Station"sv,  "Summit"sv,   "Fairview"sv, "Greenwood"sv, "Lakeview"sv,
    "Riverside"sv, "Woodland"sv, "Pleasant"sv, "Sterling"sv, "Windsor"sv,   "Cambridge"sv,
    "Oxford"sv,    "Belmont"sv,  "Clinton"sv,
};

constexpr std::string_view kStreetSuffixes[] = {
    "Street"sv, "Avenue"sv,    "Road"sv,    "Lane"sv,   "Drive"sv, "Court"sv,   "Place"sv,
    "Way"sv,    "Boulevard"sv, "Terrace"sv, "Circle"sv, "Trail"sv, "Parkway"sv,
};

constexpr std::string_view kCityNames[] = {
    "Springfield"sv, "Riverton"sv,    "Fairview"sv,      "Greenville"sv,  "Franklin"sv,
    "Clinton"sv,     "Madison"sv,     "Georgetown"sv,    "Salem"sv,       "Arlington"sv,
    "Ashland"sv,     "Burlington"sv,  "Manchester"sv,    "Milton"sv,      "Newport"sv,
    "Oxford"sv,      "Bristol"sv,     "Dover"sv,         "Hudson"sv,      "Kingston"sv,
    "Lexington"sv,   "Marion"sv,      "Mount Vernon"sv,  "Oakland"sv,     "Plymouth"sv,
    "Richmond"sv,    "Shelby"sv,      "Troy"sv,          "Winchester"sv,  "Auburn"sv,
    "Bedford"sv,     "Cleveland"sv,   "Dayton"sv,        "Centerville"sv, "Lebanon"sv,
    "Chester"sv,     "Jackson"sv,     "Milford"sv,       "Oak Grove"sv,   "Hamilton"sv,
    "Lakewood"sv,    "Midway"sv,      "Pleasant Hill"sv, "Riverside"sv,   "Cedar Falls"sv,
    "Clayton"sv,     "Dover Hills"sv, "Eastwood"sv,      "Glendale"sv,    "Harmony"sv,
    "Highland"sv,    "Jamestown"sv,   "Kent"sv,          "Lancaster"sv,   "Linden"sv,
    "Maplewood"sv,   "Millbrook"sv,   "Northfield"sv,    "Oakdale"sv,     "Pinehurst"sv,
    "Rockport"sv,    "Stonebridge"sv, "Summerville"sv,   "Westfield"sv,   "Woodbury"sv,
};

// ASCII only, like the lists: other bytes compare as they are.
bool is_word_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool contains_ignoring_case(std::string_view text, std::string_view part) {
  if (part.empty() || part.size() > text.size()) return false;
  for (std::size_t i = 0; i + part.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < part.size() && lower(text[i + k]) == lower(part[k])) ++k;
    if (k == part.size()) return true;
  }
  return false;
}

}  // namespace

std::span<const std::string_view> first_names() { return kFirstNames; }
std::span<const std::string_view> last_names() { return kLastNames; }
std::span<const std::string_view> street_names() { return kStreetNames; }
std::span<const std::string_view> street_suffixes() { return kStreetSuffixes; }
std::span<const std::string_view> city_names() { return kCityNames; }

bool shares_fragment(std::string_view original, std::string_view word) {
  constexpr std::size_t kShortestFragment = 3;
  if (contains_ignoring_case(original, word)) return true;
  std::size_t start = 0;
  while (start < original.size()) {
    while (start < original.size() && !is_word_character(original[start])) ++start;
    std::size_t end = start;
    while (end < original.size() && is_word_character(original[end])) ++end;
    if (end - start >= kShortestFragment &&
        contains_ignoring_case(word, original.substr(start, end - start))) {
      return true;
    }
    start = end;
  }
  return false;
}

std::string_view pick_word(std::span<const std::string_view> list, std::uint64_t r,
                           std::string_view original) {
  std::size_t index = r % list.size();
  for (std::size_t tries = 0; tries < list.size(); ++tries) {
    if (!shares_fragment(original, list[index])) return list[index];
    index = (index + 1) % list.size();
  }
  return list[index];
}

}  // namespace confiture::sync::anonymize
