#include "engine/freightalias.h"

#include <QStringView>

#include <iterator>

namespace Stevedore {

namespace {

// Stevedore's own word lists: lower-case ASCII, friendly, easy to say out loud.
constexpr const char16_t *adjectiveWords[] = {
    u"able",     u"agile",     u"airy",     u"amber",    u"amiable",  u"ample",   u"amused",
    u"azure",    u"balanced",  u"balmy",    u"bashful",  u"blithe",   u"bold",    u"bouncy",
    u"brave",    u"breezy",    u"bright",   u"brisk",    u"bubbly",   u"busy",    u"calm",
    u"candid",   u"careful",   u"caring",   u"cheerful", u"cheery",   u"chipper", u"civil",
    u"clever",   u"cloudy",    u"comfy",    u"cosmic",   u"cozy",     u"crafty",  u"crisp",
    u"cuddly",   u"curious",   u"curly",    u"dainty",   u"dandy",    u"dapper",  u"daring",
    u"dashing",  u"dazzling",  u"decent",   u"deft",     u"devoted",  u"dewy",    u"diligent",
    u"dizzy",    u"dreamy",    u"dusty",    u"eager",    u"earnest",  u"easy",    u"elated",
    u"electric", u"elegant",   u"emerald",  u"epic",     u"even",     u"exact",   u"fair",
    u"famous",   u"fancy",     u"fearless", u"festive",  u"fiery",    u"fine",    u"fleet",
    u"fluffy",   u"flying",    u"focused",  u"fond",     u"frank",    u"free",    u"fresh",
    u"friendly", u"frosty",    u"funny",    u"fuzzy",    u"gallant",  u"gentle",  u"giant",
    u"giddy",    u"gifted",    u"glad",     u"gleaming", u"glossy",   u"golden",  u"graceful",
    u"grand",    u"grateful",  u"groovy",   u"gusty",    u"handy",    u"happy",   u"hardy",
    u"hearty",   u"helpful",   u"heroic",   u"honest",   u"hopeful",  u"humble",  u"hushed",
    u"icy",      u"ideal",     u"jaunty",   u"jazzy",    u"jolly",    u"jovial",  u"joyful",
    u"keen",     u"kind",      u"kindly",   u"lanky",    u"lively",   u"lofty",   u"loyal",
    u"lucid",    u"lucky",     u"lunar",    u"magic",    u"majestic", u"mellow",  u"merry",
    u"mighty",   u"mild",      u"mindful",  u"misty",    u"modest",   u"mossy",   u"nautical",
    u"neat",     u"nifty",     u"nimble",   u"noble",    u"novel",    u"oaken",   u"orange",
    u"patient",  u"peaceful",  u"peppy",    u"perky",    u"placid",   u"playful", u"plucky",
    u"plush",    u"polar",     u"polished", u"polite",   u"proud",    u"quick",   u"quiet",
    u"quirky",   u"radiant",   u"rapid",    u"ready",    u"regal",    u"relaxed", u"rosy",
    u"rowdy",    u"royal",     u"rugged",   u"rustic",   u"sandy",    u"savvy",   u"serene",
    u"sharp",    u"shiny",     u"silent",   u"silky",    u"silver",   u"simple",  u"sincere",
    u"sleek",    u"smart",     u"smiling",  u"smooth",   u"snappy",   u"snowy",   u"snug",
    u"soft",     u"solar",     u"sparkly",  u"speedy",   u"spotted",  u"spry",    u"steady",
    u"stellar",  u"striped",   u"sturdy",   u"sunlit",   u"sunny",    u"super",   u"swift",
    u"tawny",    u"tender",    u"thrifty",  u"tidy",     u"tiny",     u"tough",   u"tranquil",
    u"trusty",   u"upbeat",    u"upright",  u"valiant",  u"velvet",   u"vivid",   u"warm",
    u"wavy",     u"whimsical", u"wild",     u"windy",    u"wise",     u"witty",   u"woolly",
    u"zany",     u"zesty",     u"zippy",
};

constexpr const char16_t *animalWords[] = {
    u"aardvark",    u"albatross", u"alpaca",    u"anteater",   u"antelope",   u"armadillo",
    u"axolotl",     u"badger",    u"barracuda", u"bat",        u"beagle",     u"bear",
    u"beaver",      u"bee",       u"beetle",    u"bison",      u"blackbird",  u"bluebird",
    u"bobcat",      u"bongo",     u"buffalo",   u"bullfrog",   u"bumblebee",  u"butterfly",
    u"camel",       u"canary",    u"capybara",  u"cardinal",   u"caribou",    u"catfish",
    u"chameleon",   u"cheetah",   u"chickadee", u"chinchilla", u"chipmunk",   u"cicada",
    u"clam",        u"cockatoo",  u"condor",    u"cougar",     u"cow",        u"coyote",
    u"crab",        u"crane",     u"cricket",   u"crow",       u"cuckoo",     u"curlew",
    u"dachshund",   u"deer",      u"dingo",     u"dolphin",    u"donkey",     u"dormouse",
    u"dove",        u"dragonfly", u"duck",      u"dugong",     u"eagle",      u"eel",
    u"egret",       u"eland",     u"elephant",  u"elk",        u"emu",        u"falcon",
    u"ferret",      u"finch",     u"firefly",   u"flamingo",   u"flounder",   u"fox",
    u"frog",        u"gazelle",   u"gecko",     u"gerbil",     u"gibbon",     u"giraffe",
    u"gnu",         u"goat",      u"goldfish",  u"goose",      u"gopher",     u"gorilla",
    u"grasshopper", u"grouse",    u"guppy",     u"hamster",    u"hare",       u"hawk",
    u"hedgehog",    u"heron",     u"herring",   u"hippo",      u"hornbill",   u"horse",
    u"hummingbird", u"ibex",      u"ibis",      u"iguana",     u"impala",     u"jackal",
    u"jaguar",      u"jay",       u"jellyfish", u"kangaroo",   u"kestrel",    u"kingfisher",
    u"kiwi",        u"koala",     u"koi",       u"kookaburra", u"ladybug",    u"lemming",
    u"lemur",       u"leopard",   u"lion",      u"lizard",     u"llama",      u"lobster",
    u"lynx",        u"macaw",     u"magpie",    u"mallard",    u"manatee",    u"mandrill",
    u"marmot",      u"meerkat",   u"mink",      u"mole",       u"mongoose",   u"moose",
    u"moth",        u"mouse",     u"mule",      u"narwhal",    u"newt",       u"nightingale",
    u"ocelot",      u"octopus",   u"okapi",     u"opossum",    u"orca",       u"oriole",
    u"oryx",        u"osprey",    u"ostrich",   u"otter",      u"owl",        u"ox",
    u"panda",       u"panther",   u"parrot",    u"partridge",  u"peacock",    u"pelican",
    u"penguin",     u"pheasant",  u"pigeon",    u"pika",       u"platypus",   u"pony",
    u"porcupine",   u"porpoise",  u"puffin",    u"puma",       u"quail",      u"quokka",
    u"rabbit",      u"raccoon",   u"raven",     u"reindeer",   u"robin",      u"salamander",
    u"salmon",      u"sandpiper", u"seahorse",  u"seal",       u"shrimp",     u"skylark",
    u"sloth",       u"snail",     u"sparrow",   u"squid",      u"squirrel",   u"starling",
    u"stingray",    u"stork",     u"swallow",   u"swan",       u"tapir",      u"tern",
    u"tiger",       u"toad",      u"toucan",    u"trout",      u"turkey",     u"turtle",
    u"vicuna",      u"vole",      u"wallaby",   u"walrus",     u"warbler",    u"weasel",
    u"whale",       u"wildcat",   u"wolf",      u"wombat",     u"woodpecker", u"wren",
    u"yak",         u"zebra",
};

constexpr qsizetype adjectiveCount = qsizetype(std::size(adjectiveWords));
constexpr qsizetype animalCount = qsizetype(std::size(animalWords));

// Candidates tried before giving up on a plain two-word alias.
constexpr int MaxAttempts = 64;

// SplitMix64: small, fast, and the same on every platform and Qt version, so a seed always
// names the same freight.
quint64 nextRandom(quint64 &state)
{
    state += 0x9e3779b97f4a7c15ULL;
    quint64 z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

QString candidate(quint64 &state)
{
    const QStringView adjective(adjectiveWords[nextRandom(state) % quint64(adjectiveCount)]);
    const QStringView animal(animalWords[nextRandom(state) % quint64(animalCount)]);
    return adjective + u'-' + animal;
}

QStringList toList(const char16_t *const *words, qsizetype count)
{
    QStringList list;
    list.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        list.append(QString::fromUtf16(words[i]));
    return list;
}

} // namespace

QString FreightAlias::generate(const QSet<QString> &taken, quint64 seed)
{
    quint64 state = seed;
    const QString first = candidate(state);
    if (!taken.contains(first))
        return first;
    for (int attempt = 1; attempt < MaxAttempts; ++attempt) {
        const QString alias = candidate(state);
        if (!taken.contains(alias))
            return alias;
    }
    // Crowded: number the first candidate instead of searching on.
    for (qsizetype n = 2;; ++n) {
        const QString alias = first + u'-' + QString::number(n);
        if (!taken.contains(alias))
            return alias;
    }
}

QStringList FreightAlias::adjectives()
{
    return toList(adjectiveWords, adjectiveCount);
}

QStringList FreightAlias::animals()
{
    return toList(animalWords, animalCount);
}

} // namespace Stevedore
