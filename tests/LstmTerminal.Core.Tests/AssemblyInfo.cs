// libtorch's random generator is process-wide: trainers seeded in parallel tests would draw from each other's
// stream and break the reproducibility the tests assert. The app runs one trainer per process.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
