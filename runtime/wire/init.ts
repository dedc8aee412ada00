/** The init shapes of the wire messages: what code builds and protobufjs encodes (any field may be left out). */
import type { clarifai, google } from "./types.js";

export type PostModelOutputsRequest = clarifai.api.IPostModelOutputsRequest;
export type MultiOutputResponse = clarifai.api.IMultiOutputResponse;
export type Input = clarifai.api.IInput;
export type Output = clarifai.api.IOutput;
export type Data = clarifai.api.IData;
export type Part = clarifai.api.IPart;
export type Status = clarifai.api.status.IStatus;
export type Struct = google.protobuf.IStruct;
export type Value = google.protobuf.IValue;
export type Image = clarifai.api.IImage;
export type Audio = clarifai.api.IAudio;
export type Video = clarifai.api.IVideo;
export type Concept = clarifai.api.IConcept;
export type Region = clarifai.api.IRegion;
export type Frame = clarifai.api.IFrame;
export type RunnerSelector = clarifai.api.IRunnerSelector;
