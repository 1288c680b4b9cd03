# praat-adaptive-pitch.praat -- Praat's speaker-adaptive two-pass pitch of ONE file as a 10 ms listing.
#
#   praat --run tests/helpers/praat-adaptive-pitch.praat /path/file.wav /path/out.txt
#
# Same recipe as ../shared/fixtures/reference/praat_reference.praat step 5b (De Looze & Hirst style):
# 80 Hz high-pass (Hann band, 20 Hz smoothing), "To Pitch (ac)" 50-700 Hz with Praat's standard constants,
# then floor = max (40, 0.75*q25), ceiling = min (1000, 1.5*q75) of its voiced frames, second pass at a
# 10 ms step. Quartiles over all voiced frames of the file (the files scored with it are read speech).
# Prints "floor ceiling firstFrameTime timeStep numberOfFrames" of the second pass and writes its voiced
# frames to the out file, one "time<TAB>f0" line each (a PitchTier listing; other frames are unvoiced).

form Adaptive pitch listing
	sentence file file.wav
	sentence out out.txt
endform

snd = Read from file: file$
if do ("Get number of channels") > 1
	mono = Convert to mono
else
	mono = Copy: "mono"
endif
hp = Filter (pass Hann band): 80, 0, 20
wide = To Pitch (ac): 0, 50, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, 700
q25 = Get quantile: 0, 0, 0.25, "Hertz"
q75 = Get quantile: 0, 0, 0.75, "Hertz"
floor = max (40, 0.75 * q25)
ceiling = min (1000, 1.5 * q75)
selectObject: hp
pitch = To Pitch (ac): 0.01, floor, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, ceiling
nf = Get number of frames
x1 = Get time from frame number: 1
dx = Get time step
# The voiced frames as a PitchTier listing: one "time<TAB>f0" line per voiced frame, fast to write.
tier = Down to PitchTier
Save as headerless spreadsheet file: out$
writeInfoLine: fixed$ (floor, 3), " ", fixed$ (ceiling, 3), " ", fixed$ (x1, 6), " ", fixed$ (dx, 6), " ", nf
