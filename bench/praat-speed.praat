# Reference workload for bench:speed: the same steps as shared/fixtures/reference/praat_reference.praat
# needs for segmentation and pitch (high-pass, intensity, silences, wide + adaptive pitch passes).
form Speed reference
	sentence file
endform
snd = Read from file: file$
hp = Filter (pass Hann band): 80, 0, 20
int = To Intensity: 100, 0, "yes"
q99 = Get quantile: 0, 0, 0.99
imax = Get maximum: 0, 0, "None"
tg = To TextGrid (silences): q99 - 25 - imax, 0.25, 0.1, "silent", "sounding"
selectObject: hp
pw = To Pitch (ac): 0, 50, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, 700
q25 = Get quantile: 0, 0, 0.25, "Hertz"
q75 = Get quantile: 0, 0, 0.75, "Hertz"
selectObject: hp
p2 = To Pitch (ac): 0, max (40, 0.75 * q25), 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, min (1000, 1.5 * q75)
med = Get quantile: 0, 0, 0.5, "Hertz"
writeInfoLine: "median=", med
