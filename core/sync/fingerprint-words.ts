/**
 * 256 short, concrete, easily told apart words: one per byte of a pairing fingerprint. Append
 * never, reorder never: both devices must map the same byte to the same word.
 */
export const FINGERPRINT_WORDS: readonly string[] = [
  'acorn', 'actor', 'alarm', 'album', 'alley', 'amber', 'angle', 'ankle', 'apple', 'apron', 'arena', 'armor',
  'arrow', 'atlas', 'attic', 'bacon', 'badge', 'bagel', 'baker', 'ball', 'bamboo', 'banjo', 'barn', 'basin', 'beach',
  'beard', 'bench', 'berry', 'bison', 'blade', 'blanket', 'bloom', 'board', 'boat', 'boot', 'bottle', 'bowl',
  'brain', 'branch', 'bread', 'brick', 'bridge', 'brush', 'bucket', 'bugle', 'cabin', 'cable', 'cactus', 'camel',
  'candle', 'canoe', 'canvas', 'cape', 'carpet', 'carrot', 'castle', 'cedar', 'chain', 'chair', 'chalk', 'cheese',
  'cherry', 'chess', 'chest', 'chimney', 'circle', 'clock', 'cloud', 'clover', 'coast', 'cobra', 'coffee', 'comet',
  'coral', 'cotton', 'couch', 'crane', 'crayon', 'creek', 'cricket', 'crown', 'cup', 'curtain', 'daisy', 'delta',
  'desert', 'diamond', 'dock', 'dolphin', 'donkey', 'dragon', 'drum', 'eagle', 'earth', 'easel', 'echo', 'elbow',
  'ember', 'engine', 'falcon', 'feather', 'fence', 'fern', 'field', 'finch', 'flag', 'flute', 'forest', 'fossil',
  'fox', 'frost', 'garden', 'garlic', 'gate', 'giant', 'ginger', 'glove', 'goat', 'grape', 'gravel', 'guitar',
  'hammer', 'harbor', 'harp', 'hawk', 'helmet', 'hill', 'honey', 'hook', 'horse', 'island', 'ivory', 'jacket',
  'jaguar', 'jelly', 'jewel', 'juice', 'kayak', 'kettle', 'kite', 'koala', 'ladder', 'lake', 'lamp', 'lantern',
  'lava', 'lemon', 'lily', 'lion', 'lizard', 'lobster', 'lotus', 'magnet', 'mango', 'maple', 'marble', 'meadow',
  'melon', 'mirror', 'mitten', 'monkey', 'moon', 'moose', 'mountain', 'muffin', 'nest', 'nickel', 'noodle', 'oasis',
  'ocean', 'olive', 'onion', 'orange', 'orbit', 'otter', 'owl', 'paddle', 'palace', 'panda', 'paper', 'parrot',
  'peach', 'pearl', 'pebble', 'pencil', 'pepper', 'piano', 'pillow', 'pilot', 'pine', 'planet', 'plum', 'pocket',
  'pony', 'poppy', 'potato', 'pumpkin', 'puzzle', 'quail', 'quartz', 'quilt', 'rabbit', 'radio', 'rain', 'raven',
  'ribbon', 'river', 'robin', 'rocket', 'rose', 'ruby', 'saddle', 'salmon', 'sand', 'satin', 'scarf', 'shell',
  'ship', 'silver', 'skate', 'sled', 'snail', 'spider', 'spoon', 'spruce', 'squid', 'star', 'stone', 'storm',
  'sugar', 'summit', 'swan', 'table', 'tiger', 'timber', 'tomato', 'torch', 'tower', 'tractor', 'trumpet', 'tulip',
  'turtle', 'umbrella', 'valley', 'velvet', 'violin', 'wagon', 'walnut', 'whale', 'wheat', 'willow', 'window',
  'wizard', 'wolf', 'yacht', 'zebra',
];
